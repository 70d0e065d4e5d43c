import { US_STATE_NAMES } from '../../matching/features.js';

/**
 * The country a contact block's address names, for phone numbers written without
 * "+country". Only places that settle the country on their own: country names, a US
 * "City, ST" or Canadian "City, PR", an Australian "City NSW 2000", Indian states and
 * cities, and large cities whose name is unambiguous.
 */

export const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' '),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));

/** Indian states and union territories, as "City, State" addresses name them. */
export const INDIA_STATES =
  'Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal Pradesh|Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland|Odisha|Orissa|Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand|West Bengal|Delhi|Chandigarh|Jammu and Kashmir|Puducherry';
export const INDIA_CITIES = 'Mumbai|Pune|Bangalore|Bengaluru|New Delhi|Chennai|Hyderabad|Kolkata|Noida|Gurgaon|Gurugram|Ahmedabad|Nagpur|Nashik|Thane|Jaipur|Lucknow|Indore|Kochi|Coimbatore';

/** Country names and their usual short forms, with ISO codes. */
const COUNTRIES: Array<[string, RegExp]> = [
  ['IN', /\bIndia\b/i],
  ['GB', /\b(?:United Kingdom|U\.K\.|UK|England|Scotland|Wales|Northern Ireland|Great Britain)\b/],
  ['US', /\b(?:United States(?: of America)?|U\.S\.A\.?|USA)\b/],
  ['CA', /\bCanada\b/i],
  ['DE', /\b(?:Germany|Deutschland)\b/i],
  ['FR', /\bFrance\b/i],
  ['AU', /\bAustralia\b/i],
  ['NZ', /\bNew Zealand\b/i],
  ['SG', /\bSingapore\b/i],
  ['BR', /\b(?:Brazil|Brasil)\b/i],
  ['AE', /\b(?:United Arab Emirates|U\.A\.E\.?|UAE)\b/],
  ['SA', /\b(?:Saudi Arabia|KSA)\b/],
  ['QA', /\bQatar\b/i],
  ['IE', /\bIreland\b/i],
  ['NL', /\b(?:Netherlands|Holland)\b/i],
  ['ES', /\b(?:Spain|España)\b/i],
  ['IT', /\b(?:Italy|Italia)\b/i],
  ['CH', /\bSwitzerland\b/i],
  ['MX', /\bMexico\b/i],
  ['ZA', /\bSouth Africa\b/i],
  ['NG', /\bNigeria\b/i],
  ['KE', /\bKenya\b/i],
  ['MY', /\bMalaysia\b/i],
  ['PH', /\bPhilippines\b/i],
];

/** Large cities whose name alone gives the country (no US namesake in common use). */
const CITY_NAMES: Array<[string, string]> = [
  ['GB', 'London|Manchester|Birmingham|Leeds|Liverpool|Edinburgh|Glasgow|Bristol|Cardiff|Belfast|Sheffield|Nottingham|Newcastle upon Tyne'],
  ['DE', 'Berlin|M[üu]nchen|Munich|Hamburg|Frankfurt(?: am Main)?|K[öo]ln|Cologne|Stuttgart|D[üu]sseldorf'],
  ['FR', 'Paris|Lyon|Marseille|Toulouse|Bordeaux|Lille|Nantes|Strasbourg'],
  ['AU', 'Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra'],
  ['CA', 'Toronto|Vancouver|Montr[ée]al|Calgary|Ottawa'],
  ['AE', 'Dubai|Abu Dhabi|Sharjah'],
  ['BR', 'S[ãa]o Paulo|Rio de Janeiro|Belo Horizonte|Curitiba'],
];
const CITIES: Array<[string, RegExp]> = [
  ['IN', new RegExp(`\\b(?:${INDIA_STATES}|${INDIA_CITIES})\\b`, 'i')],
  ...CITY_NAMES.map(([code, names]): [string, RegExp] => [code, new RegExp(`\\b(?:${names})\\b`)]),
];

/**
 * "Austin, TX 78701", "Toronto, ON M5V 2T6": the code ends the address (a postcode, the line's
 * end or a separator follows), so "MS Office, MS Excel" names no state.
 */
const CITY_STATE_G = /\b([A-Z][a-zA-Z.'-]+(?:\s[A-Z][a-zA-Z.'-]+){0,3}),\s*([A-Z]{2})\b(?=\s*(?:\d{5}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|$|[|•·,;)(]))/g;
const AU_STATE = /\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT)\s+\d{4}\b/;

/** The country the place names on one line give, the earliest mention first. */
export function countryOfLine(line: string): string | undefined {
  const hits: Array<[number, string]> = [];
  for (const [code, re] of [...COUNTRIES, ...CITIES]) {
    const m = re.exec(line);
    if (m) hits.push([m.index, code]);
  }
  for (const m of line.matchAll(CITY_STATE_G)) {
    // "Assam, IN" is India, not Indiana: the Indian lists above already cover such lines.
    if (m[2] === 'IN' && hits.some(([, c]) => c === 'IN')) continue;
    if (US_STATES.has(m[2]!)) hits.push([m.index, 'US']);
    else if (CA_PROVINCES.has(m[2]!)) hits.push([m.index, 'CA']);
  }
  const au = AU_STATE.exec(line);
  if (au) hits.push([au.index, 'AU']);
  hits.sort((a, b) => a[0] - b[0]);
  return hits[0]?.[1];
}

const CA_PROVINCE_NAMES = 'Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland and Labrador|Nova Scotia|Ontario|Prince Edward Island|Quebec|Québec|Saskatchewan';
const COUNTRY_NAMES =
  'United States(?: of America)?|USA|U\\.S\\.A\\.?|United Kingdom|UK|U\\.K\\.|England|Scotland|Wales|Northern Ireland|Canada|India|Germany|France|Australia|New Zealand|Singapore|Brazil|Brasil|United Arab Emirates|UAE|U\\.A\\.E\\.?|Saudi Arabia|Qatar|Ireland|Netherlands|Spain|Italy|Switzerland|Mexico|South Africa|Nigeria|Kenya|Malaysia|Philippines|Poland|Portugal|Sweden|Norway|Denmark|Finland|Belgium|Austria|Israel|Japan|China|Hong Kong|Vietnam|Indonesia|Pakistan|Bangladesh|Sri Lanka|Egypt|Argentina|Chile|Colombia';
/** A city: capitalised words, with the small words of place names ("Newcastle upon Tyne", "Rio de Janeiro"). */
const CITY = "\\p{Lu}[\\p{L}.'’-]*(?:\\s(?:\\p{Lu}[\\p{L}.'’-]*|upon|on|de|do|da|del|am|an|la|le|sur))*";
/** What may follow a place in its part of a line: a postcode, a country, the end. */
const AFTER = "(?=\\s*(?:\\d{5}(?:-\\d{4})?|[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d|,\\s*(?:" + COUNTRY_NAMES + ")|$|[|•·,;)(]))";
const PLACE_FORMS: Array<[RegExp, (m: RegExpExecArray) => string | undefined]> = [
  // "Austin, TX 78701", "Toronto, ON", "Washington, D.C."
  [new RegExp(`(${CITY}),\\s*([A-Z]{2}|D\\.C\\.)${AFTER}`, 'u'), (m) => {
    const code = m[2] === 'D.C.' ? 'DC' : m[2]!;
    return US_STATES.has(code) || CA_PROVINCES.has(code) ? `${m[1]}, ${code}` : undefined;
  }],
  // "Austin, Texas", "Toronto, Ontario, Canada"
  [new RegExp(`(${CITY}),\\s*(${Object.keys(US_STATE_NAMES).map((n) => n.replace(/\b\w/g, (c) => `[${c.toUpperCase()}${c}]`)).join('|')}|${CA_PROVINCE_NAMES})${AFTER}`, 'u'), (m) => `${m[1]}, ${m[2]}`],
  // "Pune, Maharashtra"
  [new RegExp(`(\\p{Lu}[\\p{L}.]+),\\s*(${INDIA_STATES})\\b`, 'iu'), (m) => (/^\p{Lu}/u.test(m[1]!) ? `${m[1]}, ${m[2]}` : undefined)],
  // "São Paulo - SP, Brasil": a state code between city and country
  [new RegExp(`(${CITY})\\s+[-–]\\s+[A-Z]{2},\\s*(${COUNTRY_NAMES})(?![\\p{L}])`, 'u'), (m) => `${m[1]}, ${m[2]}`],
  // "Munich, Germany", "São Paulo, Brazil"
  [new RegExp(`(${CITY}),\\s*(${COUNTRY_NAMES})(?![\\p{L}])`, 'u'), (m) => `${m[1]}, ${m[2]}`],
  // "Sydney NSW 2000", "Melbourne, VIC"
  [new RegExp(`(${CITY}),?\\s+(NSW|VIC|QLD|SA|WA|TAS|ACT|NT)(?:\\s+\\d{4})?${AFTER}`, 'u'), (m) => `${m[1]}, ${m[2]}`],
  // "Greater Seattle Area", "San Francisco Bay Area"
  [new RegExp(`^((?:Greater\\s+)?${CITY}\\s+(?:Bay\\s+)?Area)$`, 'u'), (m) => (/^(?:Greater|.*\bBay Area$)/.test(m[1]!) ? m[1] : undefined)],
  // A large city alone: "London", "Singapore", "Bengaluru"
  [new RegExp(`^(${[INDIA_CITIES, ...CITY_NAMES.map(([, names]) => names), 'Singapore|Hong Kong|New York City|San Francisco|Los Angeles|Chicago|Seattle|Boston'].join('|')})$`, 'u'), (m) => m[1]],
];

/**
 * The place a part of a header line names, as "City, ST" (US state or Canadian province code),
 * "City, State" or "City, Country" as written, "City, NSW", a metro area ("Greater Seattle
 * Area"), or a large city alone; undefined when it names none.
 */
export function placeIn(part: string): string | undefined {
  const p = part.trim();
  for (const [re, format] of PLACE_FORMS) {
    const m = re.exec(p);
    const place = m ? format(m) : undefined;
    if (place) return place;
  }
  return undefined;
}
