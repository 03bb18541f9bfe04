/**
 * The QR code a printed forum slide carries to its chart: an SVG made at build time by the
 * `qrcode` package (no network), only for an absolute address: a path alone leads nowhere
 * from paper, and no host is invented for it.
 */
import QRCode from 'qrcode';

export async function qrSvg(absoluteUrl: string): Promise<string> {
  if (!/^https?:\/\//.test(absoluteUrl)) throw new Error(`QR code of a relative address: ${absoluteUrl}`);
  // Medium error correction survives a creased print-out; the margin is the quiet zone scanners need.
  return QRCode.toString(absoluteUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
