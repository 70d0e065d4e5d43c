#!/usr/bin/env node
// Builds data/skills.json — the product's skill taxonomy — from
//   1. the O*NET "Technology Skills" file (O*NET 29.2 Database, USDOL/ETA, CC BY 4.0), and
//   2. data/skills-curated.json (hand-curated entries; they win on collisions).
//
// Usage:
//   node scripts/build-taxonomy.mjs [--onet <Technology Skills.txt>] [--curated <file>] [--out <file>] [--check] [--quiet]
//
//   --onet     path to the O*NET "Technology Skills.txt" (tab-separated). Defaults to
//              $ONET_TECH_SKILLS, else ../shared/data/onet/Technology Skills.txt next to the repo.
//   --check    build in memory and exit 1 if the output file differs (for CI).
//   --quiet    do not print collision warnings (the summary is still printed).
//
// Plain Node (>=20) ESM, no dependencies. Output is deterministic: same inputs, same bytes.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const TAXONOMY_VERSION = '2026.11.1';
export const ATTRIBUTION =
  'Includes data from O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. Curated aliases by the talent authors.';
export const LICENSE = 'CC-BY-4.0 (O*NET-derived entries)';

const MAX_BYTES = 600 * 1024;
const MIN_OCCUPATIONS = 3;

// ---------------------------------------------------------------------------------------------
// Tuning tables
// ---------------------------------------------------------------------------------------------

/**
 * Plain English words that must never be used as an alias (they would match ordinary resume
 * prose: "word", "access", "teams", "outlook", "lean", "drafting" ...), and that stop the script
 * from shortening an O*NET name to them ("Microsoft Word" stays "Microsoft Word", "Google Chrome"
 * stays "Google Chrome", "Accounting software" is not shortened to "Accounting").
 * Canonical names are never dropped because of this list ("Go", "Excel", "Spark" stay as names;
 * the matcher treats such names with care).
 */
const AMBIGUOUS_WORDS = new Set(
  `
  access adams adaptable adaptive ads analytics ant appraisals arena aria audition bamboo basic
  benefits billing bind blink budgeting burp buying calendar calibration canvas captivate
  checkpoint chef chrome classroom cloud cocoa collaboration collections com compass compliance
  concur conditioning consulting dance database databases dedication director dispensing
  distiller docs documentation dom domino drafting drawing drive dynamics elastic email excel
  exchange express flex flexibility flume forth go google grading graphics groovy helm hiring
  hive illustrator induction innovation inspection instruction inventor inventory java kettle
  keynote lambda lean litchi loom maple maven meet middleware monday moss notes notices office
  operations organizing origin outlook paint painter petitions pig pipeline premiere
  presentations presenter presenting production productivity project prompting prototype
  publications publisher rails reports research rest safari safe sage scheme seesaw sheets sit
  sites slides spark sped spreadsheet spring struts supervision surfer survey swift tadpoles
  teams tenable testing theater theatre tomcat torch trainer turning tutorials unity vault
  windows word workflow act api programming workspace cabling stp llm
`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Aliases that are on the list above but are kept on purpose: common, low-risk skill mentions,
 * and office applications' bare names, which the matcher counts only on a line naming another
 * office application (BESIDE in src/sdk/matching/taxonomy.ts).
 */
const ALIAS_ALLOW = new Set(['windows', 'oracle', 'node', 'tally', 'word', 'outlook', 'access', 'project', 'teams', 'publisher']);

/** Acronyms too generic to make a vendor's product name on their own ("Oracle SQL Developer"). */
const GENERIC_ACRONYMS = new Set([
  'SQL', 'ERP', 'CRM', 'HR', 'HRIS', 'HRMS', 'EHR', 'EMR', 'CAD', 'CAM', 'API', 'SDK', 'IDE', 'BI', 'PC', 'IT',
  'OS', 'GIS', 'HCM', 'PM',
]);

/** Vendor / publisher prefixes that can be dropped to get the product's common name. */
const VENDORS = [
  'Amazon Web Services AWS', 'Amazon Web Services', 'Amazon', 'Adobe Systems', 'Adobe', 'Apache',
  'Apple', 'Atlassian', 'Autodesk', 'Avid Technology', 'Bentley Systems', 'Bentley',
  'Dassault Systemes', 'Delcam', 'Embarcadero', 'ESRI', 'Esri', 'Google', 'Hewlett Packard',
  'Hewlett-Packard', 'HP', 'IBM', 'Informatica Corporation', 'Intuit', 'MathWorks', 'McNeel',
  'Maxon', 'Microsoft', 'MSC Software', 'National Instruments', 'NortonLifeLock', 'Oracle',
  'Pixologic', 'Portswigger', 'PTC', 'Qlik Tech', 'Red Hat', 'Siemens', 'StataCorp', 'Sun Microsystems',
  'Systat Software', 'TechSmith', 'Tenable', 'The MathWorks', 'Thomson Reuters', 'TIBCO', 'Trimble',
  'Unity Technologies', 'Unreal Technology', 'Vero Software', 'Wolfram Research', 'Corel', 'Cisco Systems',
  'Maplesoft', 'Mathsoft', 'GraphPad Software', 'OriginLab', 'Quantitative Micro Software',
  'Leica Geosystems', 'ITT Visual Information Solutions', 'Dartware', 'Decisioneering', 'Golden Software',
  'Schlumberger', 'Landmark Graphics', 'Rockwell', 'Rockwell Automation', 'Salesforce.com',
].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/**
 * Explicit canonical names for O*NET examples the rules would name badly. `null` drops the entry
 * (too vague, or not a skill anyone lists). Keys are exact O*NET "Example" strings.
 */
const ONET_OVERRIDES = {
  'J': 'J programming language',
  // "ADA" in resumes is the Americans with Disabilities Act far more often (curated: ADA
  // Compliance); the language is curated as "Ada programming language".
  'Ada': null,
  'MUMPS M': 'MUMPS',
  'Rust programming language': 'Rust',
  'Oracle Java': 'Java',
  'Sun Microsystems Java': 'Java',
  'Microsoft Excel': 'Excel',
  'Atlassian JIRA': 'Jira',
  'Amazon Web Services AWS software': 'AWS',
  'Microsoft Visual Basic Scripting Edition VBScript': 'VBScript',
  'Microsoft Visual Basic.NET': 'VB.NET',
  'Microsoft Visual C# .NET': 'C#',
  'Microsoft Office SharePoint Server MOSS': 'SharePoint',
  'EpicCare Ambulatory Electronic Medical Records (EMR) software': 'Epic',
  'Epic EpicCare Inpatient Clinical System': 'Epic',
  'Kodak Dental Systems Kodak SOFTDENT Practice management software PMS': 'Kodak SOFTDENT',
  'Practice management software PMS': 'Practice management software',
  'Property management system PMS software': 'Property management software',
  'Adobe Experience Manager (AEM)': 'Adobe Experience Manager',
  'Berkeley Internet Domain Name BIND': 'BIND DNS',
  'Basic Local Alignment Search Tool BLAST': 'NCBI BLAST',
  'Beginner\'s all-purpose symbolic instruction code BASIC': 'BASIC programming language',
  'Simulation program with integrated circuit emphasis SPICE': 'SPICE circuit simulation',
  'Document Object Model DOM Scripting': 'DOM scripting',
  'Computer aided software engineering CASE tools': 'CASE tools',
  'Component object model COM software': 'Microsoft COM',
  'Distributed component object model DCOM software': 'DCOM',
  'ICON programming language': 'Icon programming language',
  'Interstate connection ICON': 'Interstate Connection ICON',
  'Hazardous materials management HMS software': 'Hazardous materials management software',
  'Very high speed integrated circuit VHSIC hardware description language VHDL simulation software':
    'VHDL',
  'Very high-speed integrated circuit VHSIC hardware description language VHDL': 'VHDL',
  'Formula translation/translator FORTRAN': 'Fortran',
  'Common business oriented language COBOL': 'COBOL',
  'Citrix cloud computing software': 'Citrix',
  'Perforce software': 'Perforce',
  'IBM Power Systems software': 'IBM Power Systems',
  'Google': 'Google Search',
  'Microsoft operating system': 'Microsoft Windows',
  // Category words that head lists ("Operating Systems: Linux, Windows"; "Eclipse IDE"), not skills.
  'Operating system software': null,
  'Integrated development environment IDE software': null,
  'Qlik Tech QlikView': 'QlikView',
  'Hyland OnBase Enterprise Content Management': 'OnBase',
  'Hyland Software OnBase': 'OnBase',
  'Salesforce.com Salesforce CRM': 'Salesforce',
  'Kahoot!': 'Kahoot',
  'Act!': 'Act! CRM',
  'Eko': 'Eko digital stethoscope',
  'Blink': 'Blink employee app',
  'Seesaw': 'Seesaw learning platform',
  'Tadpoles': 'Tadpoles childcare app',
  'Litchi': 'Litchi drone app',
  'Ethereal': 'Wireshark',
  'Loom': 'Loom video messaging',
  'Squeegee': null,
  'Kitty Hawk': null,
  'The General Store': null,
  'Compris software': 'Compris POS',
  'Social media sites': 'Social media',
  'Business software applications': null,
  'Software libraries': null,
  'Web application software': null,
  'Database software': null,
  'Database application software': null,
  'Online databases': null,
  'Operational databases': null,
  'Internet browser software': 'Web browsers',
  'Web browser software': 'Web browsers',
  'Hand held spell checkers': null,
  'Handheld computer device software': null,
  'Personal computer diagnostic software': null,
  'Children\'s educational software': null,
  'Voice activated software': null,
  'O*NET OnLine': null,
  'American Sign Language Browser': null,
  'Aeronautical charts': null,
  'Interoperability testing software': null,
  'Mutation testing software': null,
  'Recovery testing software': null,
  'Migration testing software': null,
  'Computer imaging software': null,
  'Image scanning software': null,
  'Scanning software': null,
  'Filing system software': null,
  'Amazon Kinesis': 'Amazon Kinesis',
  'IBM Lotus Notes': 'Lotus Notes',
  'IBM Maximo Asset Management': 'IBM Maximo',
  'IBM Cognos Business Intelligence': 'IBM Cognos',
  'IBM Cognos Impromptu': 'Cognos Impromptu',
  'MSC Software Adams': 'MSC Adams',
  'Unity Technologies Unity': 'Unity',
  'Unreal Technology Unreal Engine': 'Unreal Engine',
  'Electronic Time Clock ETC': 'Electronic Time Clock',
  'Design of experiments DOE software': 'Design of Experiments',
  'Incident command system ICS software': 'Incident Command System',
  'Fault tree analysis FTA software': 'Fault Tree Analysis',
  'EyeMD EMR Healthcare Systems EyeMD EMR': 'EyeMD EMR',
  'Exact Software Macola ES': 'Macola ES',
  'Hypertext preprocessor PHP': 'PHP',
  'American National Standards Institute ANSI C': 'C',
  'A programming language APL': 'APL',
  'Programming language one PL/I': 'PL/I',
  'Tool command language Tcl': 'Tcl',
  'Digital Imaging Communications in Medicine DICOM medical imaging software': 'DICOM',
  'Deoxyribonucleic acid DNA sequence analysis software': 'DNA sequence analysis software',
  'Graphical user interface GUI builder software': 'GUI builder software',
  'Graphical user interface GUI design software': 'GUI design software',
  'Storage area network SAN software': 'Storage Area Network',
  'Geographic resources analysis support system GRASS': 'GRASS GIS',
  'Microsoft Dynamics NAV': 'Microsoft Dynamics NAV',
  'Intrusion detection system IDS': 'IDS/IPS',
  'Intrusion prevention system IPS': 'IDS/IPS',
  'Network intrusion prevention systems NIPS': 'IDS/IPS',
  'Network intrusion detection software': 'IDS/IPS',
};

/** Commodity titles spelled out differently in the category field. */
const CATEGORY_OVERRIDES = {
  'Data base user interface and query software': 'Database user interface and query software',
  'Data base management system software': 'Database management system software',
  'Data base reporting software': 'Database reporting software',
  'Object oriented data base management software': 'Object oriented database management software',
};

const FILLER_TAIL = new Set(['software', 'system', 'systems', 'tools', 'database', 'databases', 'applications']);
const WINDOW_STOPWORDS = new Set(['of', 'and', 'or', 'for', 'a', 'the', 'to', 'in', 'with', 'on', 'as']);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const warnings = [];
function warn(msg) {
  warnings.push(msg);
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();
const key = (s) => norm(s).toLowerCase();

/** Byte-order comparison on a case-folded key, then on the raw string (locale independent). */
function compareNames(a, b) {
  const ka = a.toLowerCase();
  const kb = b.toLowerCase();
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a !== b) return a < b ? -1 : 1;
  return 0;
}

function isAmbiguousWord(alias) {
  // The matcher ignores punctuation at a word's edge ("Act!" is read as "Act"), so check that form too.
  const k = key(alias).replace(/^[^\p{L}\p{N}.]+|[^\p{L}\p{N}+#]+$/gu, '');
  return AMBIGUOUS_WORDS.has(k) && !ALIAS_ALLOW.has(k);
}

function parseArgs(argv) {
  const out = { check: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') out.check = true;
    else if (a === '--quiet') out.quiet = true;
    else if (a === '--onet' || a === '--curated' || a === '--out') out[a.slice(2)] = argv[++i];
    else if (a === '--help' || a === '-h') out.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// O*NET parsing
// ---------------------------------------------------------------------------------------------

function readOnet(file) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split('\t').map((h) => h.trim());
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: missing column "${name}"`);
    return i;
  };
  const cSoc = col('O*NET-SOC Code');
  const cEx = col('Example');
  const cTitle = col('Commodity Title');
  const cHot = col('Hot Technology');
  const cDemand = col('In Demand');

  /** @type {Map<string, {name:string, occupations:Set<string>, hot:boolean, demand:boolean, titles:Map<string,number>}>} */
  const byName = new Map();
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split('\t');
    const name = norm(f[cEx] ?? '');
    if (!name) continue;
    let t = byName.get(name);
    if (!t) {
      t = { name, occupations: new Set(), hot: false, demand: false, titles: new Map() };
      byName.set(name, t);
    }
    t.occupations.add(f[cSoc]);
    if ((f[cHot] ?? '').trim() === 'Y') t.hot = true;
    if ((f[cDemand] ?? '').trim() === 'Y') t.demand = true;
    const title = norm(f[cTitle] ?? '');
    t.titles.set(title, (t.titles.get(title) ?? 0) + 1);
  }
  return byName;
}

function mainTitle(titles) {
  return [...titles.entries()].sort((a, b) => b[1] - a[1] || compareNames(a[0], b[0]))[0][0];
}

// ---------------------------------------------------------------------------------------------
// Name derivation
// ---------------------------------------------------------------------------------------------

const alnum = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function isSubsequence(needle, hay) {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

function looksLikeAcronym(tok) {
  if (!/^[A-Za-z0-9][A-Za-z0-9&/+.-]*[A-Za-z0-9+]$/.test(tok)) return false;
  const upper = (tok.match(/[A-Z]/g) ?? []).length;
  return upper >= 2;
}

/** Letter sequences an acronym may stand for: "SQL" -> ["sql"], "EC2" -> ["ec", "ecc"], "S3" -> ["s", "sss"]. */
function acronymLetters(acr) {
  const letters = alnum(acr).replace(/[0-9]/g, '');
  const out = [letters];
  const m = acr.match(/^([A-Za-z]+)([2-9])$/);
  if (m) out.push(alnum(m[1]) + alnum(m[1]).slice(-1).repeat(Number(m[2]) - 1));
  return out.filter((l) => l.length >= 1);
}

/**
 * Does `acr` abbreviate the words just before it? Returns the smallest matching window or null.
 * The window must start with the acronym's first letter ("eXtensible" counts for X), all its letters must appear
 * in order in the window, the window may not be much longer than the acronym, and the window's
 * last meaningful word must share a letter with the acronym's end:
 *   "Structured query language SQL", "Extensible markup language XML", "Amazon Elastic Compute
 *   Cloud EC2", "Oracle Java 2 Platform Enterprise Edition J2EE" match; "Exact Software Macola ES"
 *   and "Benchmark Systems Benchmark Clinical EHR" do not.
 */
function acronymWindow(words, acr) {
  const full = alnum(acr);
  if (full.length < 2) return null;
  const valid = [];
  for (const a of acronymLetters(acr)) {
    for (let start = words.length - 1; start >= Math.max(0, words.length - 9); start--) {
      const win = words.slice(start);
      if (WINDOW_STOPWORDS.has(win[0].toLowerCase())) continue;
      if (win.some((w) => alnum(w) === full)) continue;
      const first = alnum(win[0]);
      if (first[0] !== a[0] && !(a[0] === 'x' && first.startsWith('ex'))) continue; // or "eXtensible"
      if (!isSubsequence(a, alnum(win.join(' ')))) continue;
      const significant = win.filter((w) => !WINDOW_STOPWORDS.has(w.toLowerCase()) && alnum(w));
      if (significant.length > Math.max(a.length, full.length) + 1) continue;
      const meaningful = significant.filter((w) => !FILLER_TAIL.has(w.toLowerCase()));
      const last = alnum(meaningful[meaningful.length - 1] ?? '');
      if (!last || (!a.includes(last[0]) && !last.includes(a[a.length - 1]))) continue;
      valid.push(win);
    }
  }
  if (valid.length === 0) return null;
  // Prefer the window that starts with the acronym's first letter ("Enterprise resource planning").
  const best = valid.find((w) => alnum(w[0])[0] === full[0]) ?? valid[0];
  return best.join(' ');
}

/**
 * "Customer relationship management CRM software" -> { acronym: "CRM", expansion: "Customer
 * relationship management", before: "Customer relationship management", tail: "software" }
 */
function splitAcronym(name) {
  const toks = name.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  for (let i = toks.length - 1; i >= 1; i--) {
    const tail = toks.slice(i + 1);
    if (!tail.every((t) => FILLER_TAIL.has(t.toLowerCase()))) break;
    if (!looksLikeAcronym(toks[i])) continue;
    const before = toks.slice(0, i);
    const expansion = acronymWindow(before, toks[i]);
    if (expansion) return { acronym: toks[i], expansion, before: before.join(' '), tail: tail.join(' ') };
  }
  return null;
}

const SOFTWARE_SUFFIX = /\s+(software applications|software systems|system software|software)$/i;

/** "Ansible software" -> "Ansible"; "Accounting software" and "Data analysis software" stay. */
function stripSoftwareSuffix(name) {
  const m = name.match(SOFTWARE_SUFFIX);
  if (!m) return name;
  const rest = name.slice(0, m.index);
  const words = rest.split(' ');
  const last = words[words.length - 1];
  if (words.length > 1 && /^[a-z]/.test(last)) return name; // a description, not a product
  if (words.length === 1) {
    if (AMBIGUOUS_WORDS.has(rest.toLowerCase())) return name;
    if (/^[A-Z][a-z]+$/.test(rest) && /(ing|ion|ment|ics|ic|al|ive|ory|ure)$/.test(rest)) return name;
  }
  return rest;
}

/** A token that marks a product name rather than plain words: camelCase, digits, or a brand acronym. */
function isBrandToken(tok) {
  if (/[a-z][A-Z]/.test(tok) || /^[A-Z]{2}[a-z]/.test(tok)) return true; // AutoCAD, QRadar, iMovie
  if (/\d/.test(tok)) return true; // DB2, 3ds, 1-2-3
  const letters = tok.replace(/[^A-Za-z]/g, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && !GENERIC_ACRONYMS.has(tok);
}

/** The name without a known vendor prefix, whatever is left ("Thomson Reuters Westlaw Edge" -> "Westlaw Edge"). */
function withoutVendor(name) {
  const v = VENDORS.find((x) => name.startsWith(x + ' '));
  return v ? name.slice(v.length + 1).trim() : name;
}

/**
 * "Autodesk AutoCAD" -> "AutoCAD", "Adobe Photoshop" -> "Photoshop", but "Microsoft Word",
 * "Google Chrome", "Oracle Business Intelligence Suite" and "Microsoft Dynamics GP" keep the vendor.
 */
function stripVendor(name) {
  for (const v of VENDORS) {
    if (!name.startsWith(v + ' ')) continue;
    const rest = name.slice(v.length + 1).trim();
    const words = rest.split(' ');
    if (rest.length < 2 || /^[a-z]+( |$)/.test(rest)) return name; // "... cybersecurity software"
    if (words.length === 1) return AMBIGUOUS_WORDS.has(rest.toLowerCase()) ? name : rest;
    return words.some(isBrandToken) ? rest : name;
  }
  return name;
}

/** Shortens a commodity title: "Customer relationship management CRM software" -> "CRM software". */
function shortCategory(title) {
  if (CATEGORY_OVERRIDES[title]) return CATEGORY_OVERRIDES[title];
  const toks = title.split(' ');
  const out = [];
  for (const t of toks) {
    if (looksLikeAcronym(t) && /^[A-Z0-9]+$/.test(t)) {
      const w = acronymWindow(out, t);
      if (w) {
        out.splice(out.length - w.split(' ').length, w.split(' ').length, t);
        continue;
      }
    }
    out.push(t);
  }
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Derives { name, aliases } for one O*NET example. Returns null to drop it. */
function deriveOnet(example) {
  const aliases = [example];
  if (Object.prototype.hasOwnProperty.call(ONET_OVERRIDES, example)) {
    const o = ONET_OVERRIDES[example];
    if (o === null) return null;
    const acr = splitAcronym(example);
    if (acr) aliases.push(acr.before);
    return { name: o, aliases, overridden: true };
  }
  const acr = splitAcronym(example);
  if (acr) {
    aliases.push(acr.before, stripVendor(acr.before));
    if (acr.tail) aliases.push(`${acr.acronym} ${acr.tail}`);
    return { name: acr.acronym, aliases };
  }
  const noSuffix = stripSoftwareSuffix(example);
  const noVendor = stripVendor(noSuffix);
  aliases.push(noSuffix);
  const m = noVendor.match(/^([A-Za-z0-9]+)\.js$/);
  if (m) aliases.push(`${m[1]}JS`, `${m[1]} JS`);
  return { name: noVendor, aliases };
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

export function buildTaxonomy({ onetFile, curatedFile }) {
  warnings.length = 0;
  const curatedDoc = JSON.parse(readFileSync(curatedFile, 'utf8'));

  /** @type {Map<string, {name:string, category:string, aliases:string[], onet:boolean, curated:boolean, weight:number}>} */
  const skills = new Map(); // by key(name)
  const curatedIndex = new Map(); // key(name|alias) -> skill

  for (const c of curatedDoc.skills) {
    const name = norm(c.name);
    const k = key(name);
    if (skills.has(k)) {
      warn(`curated: duplicate canonical "${name}" — merged`);
      skills.get(k).aliases.push(...c.aliases.map(norm));
      continue;
    }
    const s = { name, category: norm(c.category), aliases: c.aliases.map(norm), implied: (c.implied ?? []).map(norm), onet: false, curated: true, weight: Infinity };
    skills.set(k, s);
  }
  // Index of curated names and usable aliases, used to fold O*NET examples into curated entries.
  // Canonical names win over aliases; otherwise the first entry in the file wins (an alias used
  // twice is reported once, by the collision pass at the end).
  for (const s of skills.values()) {
    for (const n of [s.name, ...s.aliases.filter((a) => !isAmbiguousWord(a))]) {
      const k = key(n);
      const prev = curatedIndex.get(k);
      if (prev && prev !== s && (key(prev.name) === k || key(s.name) !== k)) continue;
      curatedIndex.set(k, s);
    }
  }

  // O*NET
  const onet = readOnet(onetFile);
  const selected = [...onet.values()]
    .filter((t) => t.hot || t.demand || t.occupations.size >= MIN_OCCUPATIONS)
    .sort((a, b) => compareNames(a.name, b.name));

  const stats = { onetExamples: onet.size, onetSelected: selected.length, onetDropped: 0, mergedIntoCurated: 0 };
  const merges = [];

  for (const t of selected) {
    const d = deriveOnet(t.name);
    if (!d) {
      stats.onetDropped++;
      continue;
    }
    let name = norm(d.name);
    if (name.length < 2 && name !== 'C' && name !== 'R') {
      warn(`onet: "${t.name}" yields a one-letter name "${name}" — dropped`);
      stats.onetDropped++;
      continue;
    }
    const aliases = d.aliases.map(norm).filter((a) => key(a) !== key(name));
    const category = shortCategory(mainTitle(t.titles));
    const weight = t.occupations.size + (t.hot ? 1000 : 0) + (t.demand ? 500 : 0);

    // Curated entries win: match on the derived name first, then the original O*NET name, then other forms.
    // "Accounts payable software" also joins the curated "Accounts Payable".
    // Vendor-less forms are only looked up, never used as names ("Thomson Reuters Westlaw Edge").
    const stem = t.name.replace(SOFTWARE_SUFFIX, '').replace(/\s+(systems|system)$/i, '');
    const lookups = [name, t.name, ...aliases, stem];
    if (!d.overridden) lookups.push(withoutVendor(stem));
    const target = lookups.map((n) => curatedIndex.get(key(n))).find(Boolean);
    if (target) {
      target.onet = true;
      target.aliases.push(...[name, ...aliases].filter((a) => key(a) !== key(target.name)).sort(compareNames));
      merges.push(`${t.name} -> ${target.name}`);
      continue;
    }
    const existing = skills.get(key(name));
    if (existing) {
      existing.onet = true;
      existing.aliases.push(...aliases.sort(compareNames));
      if (!existing.curated && weight > existing.weight) {
        existing.category = category;
        existing.weight = weight;
      }
      merges.push(`${t.name} -> ${existing.name}`);
      continue;
    }
    skills.set(key(name), { name, category, aliases: aliases.sort(compareNames), onet: true, curated: false, weight });
  }
  stats.curated = [...skills.values()].filter((s) => s.curated).length;
  stats.mergedIntoCurated = [...skills.values()].filter((s) => s.curated && s.onet).length;
  stats.onetOnly = skills.size - stats.curated;

  // Alias clean-up: trim, dedupe, drop too-short and ambiguous words, drop self-references.
  for (const s of skills.values()) {
    const seen = new Set([key(s.name)]);
    const out = [];
    for (const raw of s.aliases) {
      const a = norm(raw);
      const k = key(a);
      if (seen.has(k)) continue;
      seen.add(k);
      if (a.length < 2) continue;
      if (!/[a-z0-9]/i.test(a)) continue;
      if (isAmbiguousWord(a)) continue;
      out.push(a);
    }
    s.aliases = out;
  }

  // Collisions: an alias may not equal another skill's canonical name, nor another skill's alias.
  const byCanonical = new Map([...skills.values()].map((s) => [key(s.name), s]));
  const rank = (s) => [s.curated ? 0 : 1, -s.weight, s.name];
  const better = (a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) {
      if (ra[i] === rb[i]) continue;
      if (typeof ra[i] === 'string') return compareNames(ra[i], rb[i]) < 0;
      return ra[i] < rb[i];
    }
    return false;
  };
  const ordered = [...skills.values()].sort((a, b) => compareNames(a.name, b.name));
  for (const s of ordered) {
    s.aliases = s.aliases.filter((a) => {
      const other = byCanonical.get(key(a));
      if (other && other !== s) {
        warn(`alias "${a}" of "${s.name}" is the canonical name of "${other.name}" — dropped from "${s.name}"`);
        return false;
      }
      return true;
    });
  }
  const owner = new Map();
  for (const s of ordered) {
    for (const a of s.aliases) {
      const k = key(a);
      const prev = owner.get(k);
      if (!prev) owner.set(k, s);
      else if (better(s, prev)) owner.set(k, s);
    }
  }
  for (const s of ordered) {
    s.aliases = s.aliases.filter((a) => {
      const o = owner.get(key(a));
      if (o !== s) {
        warn(`alias "${a}" claimed by "${s.name}" and "${o.name}" — kept on "${o.name}"`);
        return false;
      }
      return true;
    });
  }

  const out = ordered.map((s) => {
    const e = { name: s.name, category: s.category, aliases: s.aliases };
    // Phrases that imply the skill without naming it; the matcher keeps them apart from aliases.
    if (s.implied?.length) e.implied = s.implied;
    if (s.onet) e.onet = true;
    return e;
  });
  return { skills: out, stats, merges, warnings: [...warnings] };
}

export function serialize(skills) {
  const head = [
    '{',
    `  "version": ${JSON.stringify(TAXONOMY_VERSION)},`,
    `  "attribution": ${JSON.stringify(ATTRIBUTION)},`,
    `  "license": ${JSON.stringify(LICENSE)},`,
    '  "skills": [',
  ];
  const body = skills.map((s, i) => `    ${JSON.stringify(s)}${i < skills.length - 1 ? ',' : ''}`);
  return [...head, ...body, '  ]', '}', ''].join('\n');
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('usage: node scripts/build-taxonomy.mjs [--onet FILE] [--curated FILE] [--out FILE] [--check] [--quiet]');
    return 0;
  }
  const onetFile =
    args.onet ??
    process.env.ONET_TECH_SKILLS ??
    path.resolve(ROOT, '..', 'shared', 'data', 'onet', 'Technology Skills.txt');
  const curatedFile = args.curated ?? path.join(ROOT, 'data', 'skills-curated.json');
  const outFile = args.out ?? path.join(ROOT, 'data', 'skills.json');
  if (!existsSync(onetFile)) {
    console.error(`build-taxonomy: O*NET file not found: ${onetFile} (use --onet or ONET_TECH_SKILLS)`);
    return 2;
  }

  const { skills, stats, warnings: warns } = buildTaxonomy({ onetFile, curatedFile });
  const text = serialize(skills);
  const bytes = Buffer.byteLength(text);

  if (!args.quiet) for (const w of warns) console.warn(`warning: ${w}`);
  console.log(
    `build-taxonomy: ${skills.length} skills (${stats.onetOnly} O*NET-derived, ${stats.curated} curated of which ${stats.mergedIntoCurated} merged with O*NET); ` +
      `O*NET: ${stats.onetSelected} of ${stats.onetExamples} examples selected, ${stats.onetDropped} dropped; ` +
      `${warns.length} warnings; ${(bytes / 1024).toFixed(1)} KiB`,
  );
  if (bytes > MAX_BYTES) console.warn(`warning: output is ${bytes} bytes, over the ${MAX_BYTES}-byte budget`);

  if (args.check) {
    const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
    if (current !== text) {
      console.error(`build-taxonomy: ${path.relative(ROOT, outFile)} is out of date; run node scripts/build-taxonomy.mjs`);
      return 1;
    }
    console.log(`build-taxonomy: ${path.relative(ROOT, outFile)} is up to date`);
    return 0;
  }
  writeFileSync(outFile, text);
  console.log(`build-taxonomy: wrote ${path.relative(ROOT, outFile)}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
