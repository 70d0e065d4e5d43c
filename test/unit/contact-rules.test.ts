import { describe, expect, it } from 'vitest';
import { findEmails } from '../../src/sdk/local/parser/emails.js';
import { findContactPhones } from '../../src/sdk/local/parser/phones.js';
import { countryOfLine } from '../../src/sdk/local/parser/places.js';
import { inferCountry } from '../../src/sdk/local/parser/contact.js';

describe('e-mails', () => {
  it.each([
    ['plain, upper case', 'E-MAIL: NILESH.GAIKWAD@GMAIL.COM', ['nilesh.gaikwad@gmail.com']],
    ['label glued before (title case)', 'Emailsuresh.patil21@gmail.com', ['suresh.patil21@gmail.com']],
    ['label glued before (capitals)', 'EMAILROHINI.K@GMAIL.COM MOBILE9158012345', ['rohini.k@gmail.com']],
    ['lower-case "email" may be the address', 'emailme@example.org', ['emailme@example.org']],
    ['label glued after (case change)', 'deepak.verma@wipro.comPhone: 9930076543', ['deepak.verma@wipro.com']],
    ['label glued after (capitals)', 'JOHN@EXAMPLE.COMMOBILE 9876543210', ['john@example.com']],
    ['a new TLD that is a label word stays', 'desk@firm.contact', ['desk@firm.contact']],
    ['digits glued after', 'ajay.tiwari@gmail.com9987012345', ['ajay.tiwari@gmail.com']],
    ['mailto, brackets, trailing dot', 'mailto:t.anderson@mit.edu; <a.b@c.org>. e-mail: x.y@z.in.', ['t.anderson@mit.edu', 'a.b@c.org', 'x.y@z.in']],
    ['plus addressing, sub-domains, long TLDs', 'kavita.joshi+jobs@gmail.com, a.kumar@cse.iitb.ac.in, s@fitlife.coach', ['kavita.joshi+jobs@gmail.com', 'a.kumar@cse.iitb.ac.in', 's@fitlife.coach']],
    ['duplicates once', 'a@b.com / A@B.COM', ['a@b.com']],
    ['written against spam harvesters', 'Email: jane.roe [at] example [dot] com | ravi(at)mail.example.in', ['jane.roe@example.com', 'ravi@mail.example.in']],
  ])('%s', (_, text, expected) => {
    expect(findEmails(text)).toEqual(expected);
  });
});

describe('the country a contact line names', () => {
  it.each([
    ['Austin, TX 78701', 'US'],
    ['Denver, CO', 'US'],
    ['MS Office, MS Excel, MS Project', undefined],
    ['Toronto, ON M5V 2T6', 'CA'],
    ['Montréal, QC, Canada', 'CA'],
    ['Sydney NSW 2000', 'AU'],
    ['Assam, IN', 'IN'],
    ['Kothrud, Pune - 411038', 'IN'],
    ['Dubai, UAE', 'AE'],
    ['Walldorf, Deutschland', 'DE'],
    ['Edinburgh, Scotland', 'GB'],
    ['Dallas, TX 75201 (relocating from Chennai)', 'US'],
    ['Senior Engineer, 5 years', undefined],
  ])('%s → %s', (line, country) => {
    expect(countryOfLine(line)).toBe(country);
  });
});

describe('phones', () => {
  const cases: Array<[string, string, string, string[]]> = [
    ['+country wins over the resume country', 'A B\n+44 20 7946 0321 | a@b.com', 'IN', ['+442079460321']],
    ['the block place wins over the resume country', 'A B\nManchester, UK\nMobile: 07911 123456', 'IN', ['+447911123456']],
    ['the resume country when the block names none', 'A B\nMob: 9823456710', 'IN', ['+919823456710']],
    ['a place beyond a heading does not count', 'A B\nMobile: 9823456710\nEDUCATION\nB.E., Austin, TX 78701', 'IN', ['+919823456710']],
    ['0-prefixed, 5-5, 0091 and 91- forms', 'Ph: 09970123456, 98200 45678\nAlt: 0091 9885012345 / 91-9405123456', 'IN', ['+919970123456', '+919820045678', '+919885012345', '+919405123456']],
    ['+91 with trunk 0 and (0)', 'Tel: +91 022 2659 1234 | +44 (0)7824 556901', 'IN', ['+912226591234', '+447824556901']],
    ['extensions dropped', 'Chicago, IL 60614 • (312) 948-2210 ext. 14', 'US', ['+13129482210']],
    ['two phones, one label', 'Mobile: 98200 45678 / 99300 12876', 'IN', ['+919820045678', '+919930012876']],
    ['glued labels set apart', 'Phone9011223344', 'IN', ['+919011223344']],
    ['a number glued to an e-mail', 'ajay.tiwari@gmail.com9987012345', 'IN', ['+919987012345']],
    ['IDs labelled as such are skipped', 'A B\nRoll No. 1405110023 | Employee ID: 2345678901\nAadhaar No: 4321 8765 2109', 'IN', []],
    ['a label reaches the rest of its list', 'A B\nPart numbers handled: 2345-678-901, 9876-543-210', 'IN', []],
    ['"Contact No" is a phone despite "No"', 'Contact No: 09970123456', 'IN', ['+919970123456']],
    ['dates, year ranges and IPs are not phones', 'A B\n(Diploma, 1999-2002) born 12-05-1988\nServer: 192.168.10.254', 'IN', []],
    ['one-letter labels only alone', 'M: 98230-56781\nCase No. CRM-M-12345-2016', 'IN', ['+919823056781']],
    ['a Contact block at the bottom', 'SKILLS\nJava\nContact\nDenver, CO\n+1 (303) 629-4471', 'IN', ['+13036294471']],
    ['a number next to an e-mail line at the bottom', 'SKILLS\nJava\n\nAnita Rao\nanita@example.com\n+91 98866 54321', 'US', ['+919886654321']],
    ['unlabelled body numbers are not read', 'SKILLS\nOracle 9876543210 licences', 'IN', []],
    ['a labelled number that is not valid is kept as written', 'A B\nPhone: 98765 43210', 'US', ['98765 43210']],
    ['a 00 international prefix where the resume country dials 011', 'A B\njane@example.com\nPhone 0044 7911 123456', 'US', ['+447911123456']],
    ['fictional 555-01xx numbers on an e-mail line', 'A B\njane@example.com | (415) 555-0100', 'US', ['+14155550100']],
  ];
  it.each(cases)('%s', (_, text, country, expected) => {
    expect(findContactPhones(text, country).phones).toEqual(expected);
  });

  it('counts only the numbers libphonenumber validated', () => {
    expect(findContactPhones('A B\nPhone: 98765 43210 | +91 98200 45678', 'US')).toEqual({ phones: ['98765 43210', '+919820045678'], validated: 1 });
  });
});

describe('the country a whole resume points to', () => {
  it('reads an Indian place before ", IN" as India, not Indiana', () => {
    expect(inferCountry('B.Sc  Jagiroad, ASSAM, IN Jagiroad College', 'US')).toBe('IN');
    expect(inferCountry('Worked in Pune, IN for two years', 'US')).toBe('IN');
  });

  it('still reads a US city before ", IN" as Indiana', () => {
    // Two Indiana places outweigh one Indian city.
    expect(inferCountry('Studied in Mumbai. Acme Corp, Indianapolis, IN 46204; Beta Inc, Fort Wayne, IN', 'US')).toBe('US');
    expect(inferCountry('Studied in Mumbai. Acme Corp, Pune, IN 46204; Beta Inc, Nagpur, IN', 'US')).toBe('IN');
  });
});
