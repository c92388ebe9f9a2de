import type { LocalDate } from './local-date.ts';
import { fromDayNumber } from './local-date.ts';

/**
 * The two astronomical events the Chinese calendar rests on, after Jean Meeus, *Astronomical Algorithms*
 * (2nd ed., 1998):
 * - true new moons, ch. 49 (error well under a minute in this era);
 * - the Sun's apparent longitude, ch. 25 "low accuracy" with the main nutation and aberration terms (about
 *   0.01°, i.e. within about a quarter of an hour of the instant of a solar term).
 * Times are Julian Ephemeris Days (TT); ΔT (TT − UT) from the Espenak–Meeus polynomials (NASA, 2006).
 * Dates are then taken in Beijing time (UTC+8), as GB/T 33661-2017《农历的编算和颁行》 prescribes.
 */

const RAD = Math.PI / 180;
const J2000 = 2451545.0;
/** JD of 1970-01-01 00:00 UT. */
const UNIX_EPOCH_JD = 2440587.5;
const TROPICAL_YEAR = 365.242189;

/** ΔT = TT − UT in seconds for a (decimal) year, 1900–2199. */
export function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return year < 2150 ? -20 + 32 * u ** 2 - 0.5628 * (2150 - year) : -20 + 32 * u ** 2;
}

const decimalYear = (jde: number) => 2000 + (jde - J2000) / 365.25;

/** The Beijing calendar date of an instant given in JDE. */
export function beijingDateOfJde(jde: number): LocalDate {
  const jdUt = jde - deltaTSeconds(decimalYear(jde)) / 86_400;
  return fromDayNumber(Math.floor(jdUt + 8 / 24 - UNIX_EPOCH_JD));
}

/** JDE of 00:00 Beijing time at the start of a day (day number since 1970-01-01). */
export function jdeOfBeijingMidnight(dayNumber: number): number {
  const jdUt = dayNumber + UNIX_EPOCH_JD - 8 / 24;
  return jdUt + deltaTSeconds(decimalYear(jdUt)) / 86_400;
}

/** JDE of the true new moon of lunation k (k = 0: the new moon of 2000-01-06), Meeus ch. 49. */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const jde =
    2451550.09766 + 29.530588861 * k + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T ** 2 - 0.00000011 * T ** 3) * RAD;
  const Mp =
    (201.5643 + 385.81693528 * k + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4) * RAD;
  const F =
    (160.7108 + 390.67050284 * k - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4) * RAD;
  const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T ** 2 + 0.00000215 * T ** 3) * RAD;
  const s = Math.sin;
  const correction =
    -0.4072 * s(Mp) +
    0.17241 * E * s(M) +
    0.01608 * s(2 * Mp) +
    0.01039 * s(2 * F) +
    0.00739 * E * s(Mp - M) -
    0.00514 * E * s(Mp + M) +
    0.00208 * E * E * s(2 * M) -
    0.00111 * s(Mp - 2 * F) -
    0.00057 * s(Mp + 2 * F) +
    0.00056 * E * s(2 * Mp + M) -
    0.00042 * s(3 * Mp) +
    0.00042 * E * s(M + 2 * F) +
    0.00038 * E * s(M - 2 * F) -
    0.00024 * E * s(2 * Mp - M) -
    0.00017 * s(Om) -
    0.00007 * s(Mp + 2 * M) +
    0.00004 * s(2 * Mp - 2 * F) +
    0.00004 * s(3 * M) +
    0.00003 * s(Mp + M - 2 * F) +
    0.00003 * s(2 * Mp + 2 * F) -
    0.00003 * s(Mp + M + 2 * F) +
    0.00003 * s(Mp - M + 2 * F) -
    0.00002 * s(Mp - M - 2 * F) -
    0.00002 * s(3 * Mp + M) +
    0.00002 * s(4 * Mp);
  const planetary: [number, number][] = [
    [0.000325, 299.77 + 0.107408 * k - 0.009173 * T ** 2],
    [0.000165, 251.88 + 0.016321 * k],
    [0.000164, 251.83 + 26.651886 * k],
    [0.000126, 349.42 + 36.412478 * k],
    [0.00011, 84.66 + 18.206239 * k],
    [0.000062, 141.74 + 53.303771 * k],
    [0.00006, 207.14 + 2.453732 * k],
    [0.000056, 154.84 + 7.30686 * k],
    [0.000047, 34.52 + 27.261239 * k],
    [0.000042, 207.19 + 0.121824 * k],
    [0.00004, 291.34 + 1.844379 * k],
    [0.000037, 161.72 + 24.198154 * k],
    [0.000035, 239.56 + 25.513099 * k],
    [0.000023, 331.55 + 3.592518 * k],
  ];
  return jde + correction + planetary.reduce((sum, [c, a]) => sum + c * Math.sin(a * RAD), 0);
}

/** The lunation number of the new moon nearest a JDE (an estimate; callers adjust by ±1). */
export function lunationNear(jde: number): number {
  return Math.round((jde - 2451550.09766) / 29.530588861);
}

const normalise = (degrees: number) => ((degrees % 360) + 360) % 360;

/** The Sun's apparent geocentric longitude in degrees [0, 360) at a JDE, Meeus ch. 25 (low accuracy). */
export function solarLongitude(jde: number): number {
  const T = (jde - J2000) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T ** 2;
  const M = (357.52911 + 35999.05029 * T - 0.0001537 * T ** 2) * RAD;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T ** 2) * Math.sin(M) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M) +
    0.000289 * Math.sin(3 * M);
  const omega = (125.04 - 1934.136 * T) * RAD;
  return normalise(L0 + C - 0.00569 - 0.00478 * Math.sin(omega));
}

/**
 * JDE at which the Sun's apparent longitude reaches `degrees` in a Gregorian year (0° = 春分 in March, 15° = 清明,
 * 270° = 冬至 in December).
 */
export function solarTermJde(year: number, degrees: number): number {
  const marchEquinox = 2451623.80984 + TROPICAL_YEAR * (year - 2000);
  let jde = marchEquinox + (normalise(degrees) / 360) * TROPICAL_YEAR;
  for (let i = 0; i < 20; i++) {
    const delta = ((normalise(degrees - solarLongitude(jde)) + 180) % 360) - 180;
    jde += (delta / 360) * TROPICAL_YEAR;
    if (Math.abs(delta) < 1e-7) break;
  }
  return jde;
}
