import type { SensitiveKind } from '../../src/modules/text/anonymizer/sensitive-kinds.js';

/**
 * A labelled sample for the sensitive-information detectors, written for these tests: notes,
 * tickets and records in which every sensitive item is marked `[[kind|value]]`. `not_card` and
 * `not_iban` mark look-alikes (a wrong check digit) that must not be found as that kind.
 */
const marked = `
Customer record, support ticket #4471.
Dear [[person|Maria Garcia]], thank you for writing to [[org|Acme Corporation]] on [[date|March 3, 2021]]. Your case was assigned to [[person|John Smith]], who met [[person|Sarah O'Connor]] in [[place|Paris]] to review it. Please reply to [[email|support@acme-example.com]] or call [[phone|(212) 555-0147]].

[[person|Mohammed Al-Fayed]] flew from [[place|Tokyo]] to [[place|Berlin]] with [[person|Emily Chen]] of [[org|Google]]. Contact [[person|Priya Patel]] at [[email|priya.patel@example.co.uk]] or visit [[url|https://www.example.org/path?q=1]] for the agenda.

HR file: employee ID [[id|EMP-004512]], SSN [[id|078-05-1120]], born [[date|1985-03-15]]. Passport number [[id|X1234567]], national insurance number [[id|AB123456C]]. Home phone [[phone|+44 20 7946 0958]], mobile [[phone|07911 123456]]. Salary paid to IBAN [[iban|GB82 WEST 1234 5698 7654 32]].

Payments: the Visa card [[card|4111 1111 1111 1111]] was charged, then [[card|5555 5555 5555 4444]] (Mastercard) and the Amex [[card|3782 822463 10005]]. The number [[not_card|4111 1111 1111 1112]] was rejected, as was [[not_card|1234 5678 9012 3456]]. Refunds go to [[iban|DE89 3704 0044 0532 0130 00]] or to [[iban|FR14 2004 1010 0505 0001 3M02 606]]; the account [[not_iban|DE89 3704 0044 0532 0130 01]] does not exist.

Server logs show logins from [[ip|192.168.1.10]], [[ip|10.0.0.1]] and [[ip|2001:db8::1]]. The admin panel at [[url|http://intranet.example.com/wiki/Page]] was opened from [[ip|203.0.113.45]] and [[ip|fe80::1ff:fe23:4567:890a]].

[[person|Hans Müller]] lives in [[place|Madrid]] and works for [[org|Deutsche Bank]]. His colleague [[person|Olivia Brown]] moved to [[place|London]] in [[date|1 May 2020]]. Write to [[email|hans.mueller@example.de]] or phone [[phone|+49 30 901820]], office [[phone|030 901820]].

Patient [[person|James Wilson]], patient ID [[id|4820-1177-33]], visited the [[org|Mayo Clinic]] on [[date|03/04/2021]] and again on [[date|Jan 5, 2022]]. His daughter [[person|Fatima Khan]] can be reached at [[phone|+33 6 12 34 56 78]] or [[email|fatima.khan@example.fr]]; in [[place|Paris]] her landline is [[phone|01 42 68 53 00]].

Invoice for [[org|Microsoft]]: pay [[card|4012 8888 8888 1881]] or the card [[card|6011 1111 1111 1117]]. [[person|Carlos Mendes]] from [[place|Lisbon]] approved it on [[date|2023-11-30]]. Bank details: [[iban|ES91 2100 0418 4502 0005 1332]], [[iban|IT60 X054 2811 1010 0000 0123 456]] and [[iban|NL91 ABNA 0417 1643 00]].

[[person|Anna Kowalski]] of the [[org|United Nations]] met [[person|David Cohen]] from [[org|Goldman Sachs]] in [[place|New York]] on [[date|7 September 1978]]. Their assistant [[person|Sophie Martin]] booked it through [[url|https://github.com/acme/widgets/issues/42]] and [[url|www.example.net/docs]].

Tax ID [[id|12-3456789]], policy number [[id|POL-2024-778812]], customer number [[id|00482913]], membership number [[id|99887766]], driver's licence [[id|D1234-56789-01234]], student ID [[id|S2019-0045-88]].

More payments: [[card|5105 1051 0510 5100]], [[card|3714 496353 98431]], [[card|3530 1113 3330 0000]], [[card|3056 9309 0259 04]], [[card|4242 4242 4242 4242]], [[card|2223 0031 2200 3222]], [[card|6011 0009 9013 9424]], [[card|4000 0566 5566 5556]], [[card|5200 8282 8282 8210]], [[card|3566 0020 2036 0505]], [[card|4111-1111-1111-1111]], [[card|5555555555554444]], [[card|378282246310005]], [[card|4012888888881881]]. Declined: [[not_card|5555 5555 5555 4445]], [[not_card|6011 1111 1111 1118]], [[not_card|3782 822463 10006]].

Accounts abroad: [[iban|BE68 5390 0754 7034]], [[iban|CH93 0076 2011 6238 5295 7]], [[iban|AT61 1904 3002 3457 3201]], [[iban|PL61 1090 1014 0000 0712 1981 2874]], [[iban|SE45 5000 0000 0583 9825 7466]], [[iban|DK50 0040 0440 1162 43]], [[iban|NO93 8601 1117 947]], [[iban|FI21 1234 5600 0007 85]], [[iban|IE29 AIBK 9311 5212 3456 78]], [[iban|PT50 0002 0123 1234 5678 9015 4]], [[iban|LU28 0019 4006 4475 0000]], [[iban|DE89370400440532013000]], [[iban|GB29NWBK60161331926819]]. Rejected: [[not_iban|GB82 WEST 1234 5698 7654 33]], [[not_iban|FR14 2004 1010 0505 0001 3M02 607]].

Phone list: [[phone|(650) 253-0000]], [[phone|650-253-0000]], [[phone|650.253.0000]], [[phone|+1 650 253 0000]], [[phone|1-800-275-2273]], [[phone|+49 151 23456789]], [[phone|+34 912 345 678]], [[phone|+39 02 1234 5678]], [[phone|+31 20 123 4567]], [[phone|020 123 4567]], [[phone|+91 98765 43210]], [[phone|+61 2 9876 5432]], [[phone|0412 345 678]], [[phone|+55 11 91234-5678]], [[phone|+81 3-1234-5678]], [[phone|+353 1 234 5678]].

Network inventory: [[ip|172.16.254.1]], [[ip|8.8.8.8]], [[ip|198.51.100.7]], [[ip|127.0.0.1]], [[ip|2001:0db8:85a3:0000:0000:8a2e:0370:7334]], [[ip|::1]], [[ip|2001:db8:0:0:1:0:0:1]], [[ip|::ffff:192.0.2.128]], [[ip|100.64.0.1]], [[ip|169.254.10.20]], [[ip|2606:4700:4700::1111]], [[ip|9.9.9.9]], [[ip|1.1.1.1]], [[ip|fd12:3456:789a:1::1]], [[ip|192.0.2.1]].

Links: [[url|ftp://files.example.net/report.pdf]], [[url|https://example.com:8443/api/v1/users?id=5#top]], [[url|http://example.org]], [[url|https://docs.example.io/guide/intro.html]], [[url|https://shop.example.co.uk/cart?item=42&qty=2]], [[url|www.example.com/about]], [[url|https://en.wikipedia.org/wiki/Privacy]], [[url|http://localhost:3000/dashboard]], [[url|https://mail.example.com/u/0/#inbox]], [[url|https://example.edu/~jdoe/papers]], [[url|https://cdn.example.net/assets/app.js?v=3]], [[url|http://test.example/login]], [[url|https://api.example.com/v2/orders/12345]].
Emails: [[email|jane.doe@example.com]], [[email|j.smith+news@example.org]], [[email|info@acme-example.com]], [[email|first_last@sub.example.co.uk]], [[email|admin@intranet.example.net]], [[email|olivia.brown@example.com]], [[email|sales@example.io]], [[email|x@example.de]], [[email|team-lead@example.fr]], [[email|m.rossi@example.it]], [[email|no-reply@notifications.example.com]], [[email|carlos.mendes@example.pt]], [[email|anna.k@example.pl]], [[email|yuki@example.jp]].

Dates on file: [[date|15.03.1985]], [[date|12th of June 1999]], [[date|29/02/2024]], [[date|December 25th, 2019]], [[date|2020/01/15]], [[date|April 1, 2023]], [[date|31 October 2022]], [[date|2019-07-04]], [[date|Feb 14, 2018]], [[date|11/11/2011]], [[date|5 June 1944]], [[date|August 2, 2016]], [[date|2001-09-10]].

Reference numbers: case reference [[id|2023-CV-01234]], account number [[id|12345678]], license number [[id|LIC-55512345]], ID card [[id|CA1234567]], badge number [[id|B-7781234]], registration number [[id|REG-20231104]], claim number [[id|CLM-99812345]], serial number [[id|SN-4456789012]], contract number [[id|C-2024-001122]].

People in the minutes: [[person|Michael Johnson]] thanked [[person|Laura Rossi]] and [[person|Robert Taylor]]. [[person|Elena Petrova]] and [[person|Liam O'Brien]] disagreed with [[person|Thomas Anderson]]. [[person|Jennifer Lopez]] seconded; [[person|William Clark]] abstained.
Our offices are in [[place|Chicago]], [[place|Toronto]], [[place|Sydney]], [[place|Amsterdam]], [[place|Boston]], [[place|Rome]], [[place|Dublin]], [[place|Vienna]], [[place|Seattle]], [[place|Oslo]] and [[place|Mumbai]]; our factory is in [[place|Germany]] and our partners are in [[place|Japan]], [[place|Brazil]] and [[place|Canada]].
Partners include [[org|Stanford University]], [[org|Harvard University]], [[org|the Red Cross]], [[org|Siemens AG]], [[org|Toyota Motor Corporation]], [[org|Barclays]], [[org|Amazon]], [[org|IBM]], [[org|Pfizer]], [[org|Oxfam]], [[org|the World Health Organization]], [[org|Bank of England]], [[org|Nestlé]], [[org|General Electric]], [[org|Boeing]], [[org|Citibank]], [[org|the European Commission]].
`;

type LabelKind =
  'email' | 'phone' | 'card' | 'iban' | 'ip' | 'url' | 'date' | 'id' | 'person' | 'place' | 'org';

/** The detector kind each label names. */
export const labelKinds: Record<LabelKind, SensitiveKind> = {
  email: 'email',
  phone: 'phone',
  card: 'credit_card',
  iban: 'iban',
  ip: 'ip_address',
  url: 'url',
  date: 'date',
  id: 'id_number',
  person: 'person',
  place: 'place',
  org: 'organization',
};

export interface Label {
  readonly label: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** The sample as plain text, and its labels with their offsets in it. */
export function labelledSample(): { text: string; labels: Label[] } {
  const labels: Label[] = [];
  let text = '';
  let last = 0;
  for (const match of marked.matchAll(/\[\[(\w+)\|([^\]]+)\]\]/g)) {
    text += marked.slice(last, match.index);
    const [, label = '', value = ''] = match;
    labels.push({ label, value, start: text.length, end: text.length + value.length });
    text += value;
    last = match.index + match[0].length;
  }
  text += marked.slice(last);
  return { text, labels };
}
