/** wilayah.json (contract §1): the region's metadata. */
import { z } from 'zod';

export const REGION_CODE = /^[a-z0-9-]{2,40}$/;

export const wilayahSchema = z.object({
  nama: z.string().trim().min(1),
  provinsi: z.string().trim().min(1),
  sumber: z.string().trim().min(1).optional(),
  tanggal_ekspor: z.iso.date(),
  lisensi: z.string().trim().min(1).default('CC-BY-4.0'),
  kontak: z.string().trim().optional(),
});
export type Wilayah = z.infer<typeof wilayahSchema>;
