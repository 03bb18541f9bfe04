/** Contract §4 "Ketepatan waktu", "Kepatuhan laporan", complaint days, and the periods. */
import { describe, expect, test } from 'vitest';
import { daysBetween, kepatuhanLaporan, ketepatanWaktu } from '../../src/derive/rates.ts';
import { comparePeriods, inPeriod, kelompokPendidikan, kelompokUmur, monthOf, semesterOf, yearOf } from '../../src/derive/periods.ts';
import { KELOMPOK_PENDIDIKAN, PENDIDIKAN } from '../../src/contract/enums.ts';

describe('ketepatanWaktu = tepat_waktu / selesai × 100', () => {
  test("the fixture's three months: 45/50 = 90, 30/40 = 75, selesai 0 → empty", () => {
    expect(ketepatanWaktu(45, 50)).toBe(90);
    expect(ketepatanWaktu(30, 40)).toBe(75);
    expect(ketepatanWaktu(0, 0)).toBeNull();
  });

  test('rounded half-up to 2 decimals', () => {
    expect(ketepatanWaktu(2, 3)).toBe(66.67);
    expect(ketepatanWaktu(1, 3)).toBe(33.33);
    expect(ketepatanWaktu(0, 7)).toBe(0); // nothing on time is a real 0
  });
});

describe('kepatuhanLaporan = laporan / (pegawai × hari_kerja) × 100', () => {
  test('the fixture: 240 / (12 × 21) = 95.238… → 95.24', () => {
    expect(kepatuhanLaporan(240, 12, 21)).toBe(95.24);
  });
  test('full and none', () => {
    expect(kepatuhanLaporan(252, 12, 21)).toBe(100);
    expect(kepatuhanLaporan(0, 12, 21)).toBe(0);
  });
});

describe('daysBetween', () => {
  test('whole days from tanggal_masuk to tanggal_selesai', () => {
    expect(daysBetween('2025-01-03', '2025-01-05')).toBe(2);
    expect(daysBetween('2025-01-10', '2025-01-20')).toBe(10);
    expect(daysBetween('2025-01-20', '2025-01-20')).toBe(0);
  });
  test('across a month, a year end and a leap day', () => {
    expect(daysBetween('2025-01-31', '2025-02-01')).toBe(1);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
  });
  test('across a European daylight-saving change, whatever TZ the machine has', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
  });
});

describe('periods', () => {
  test('semesterOf: January–June is S1, July–December S2', () => {
    expect(semesterOf('2025-01-01')).toBe('2025-S1');
    expect(semesterOf('2025-06-30')).toBe('2025-S1');
    expect(semesterOf('2025-07-01')).toBe('2025-S2');
    expect(semesterOf('2025-12-31')).toBe('2025-S2');
  });

  test('monthOf and yearOf', () => {
    expect(monthOf('2025-03-09')).toBe('2025-03');
    expect(yearOf('2025-03-09')).toBe('2025');
  });

  test('inPeriod: a month belongs to its year and its semester', () => {
    expect(inPeriod('2025', 2025, 12)).toBe(true);
    expect(inPeriod('2025-S1', 2025, 6)).toBe(true);
    expect(inPeriod('2025-S1', 2025, 7)).toBe(false);
    expect(inPeriod('2025-S2', 2025, 7)).toBe(true);
    expect(inPeriod('2025-S2', 2024, 7)).toBe(false);
  });

  test('comparePeriods: a year before its semesters', () => {
    expect(['2025-S2', '2025', '2024-S1', '2025-S1'].sort(comparePeriods)).toEqual(['2024-S1', '2025', '2025-S1', '2025-S2']);
  });

  test.each([
    [15, '<30'],
    [29, '<30'],
    [30, '30-49'],
    [49, '30-49'],
    [50, '≥50'],
    [100, '≥50'],
  ])('kelompokUmur(%d) = %s', (umur, band) => {
    expect(kelompokUmur(umur)).toBe(band);
  });

  test('kelompokUmur of an unanswered age is empty', () => {
    expect(kelompokUmur(undefined)).toBeNull();
  });

  test('kelompokPendidikan: seven levels in three, every level in one group', () => {
    expect(PENDIDIKAN.map((p) => kelompokPendidikan(p.value))).toEqual(['sd-sma', 'sd-sma', 'sd-sma', 'd1-s1', 'd1-s1', 's2-s3', 's2-s3']);
    expect(new Set(PENDIDIKAN.map((p) => kelompokPendidikan(p.value)))).toEqual(new Set(KELOMPOK_PENDIDIKAN.map((g) => g.value)));
  });
});
