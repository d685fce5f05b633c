import { ErrorCode, FrontdoorError } from '../errors';
import { formatSwedishPhone, parseCallbackContact, PreferredContact } from './callback-contact';

describe('callback details (återkontakt): Swedish numbers and e-mail validated and normalised', () => {
  it.each([
    ['070-123 45 67', '+46701234567', '070-123 45 67'],
    ['0701234567', '+46701234567', '070-123 45 67'],
    ['+46 70 123 45 67', '+46701234567', '070-123 45 67'],
    ['0046701234567', '+46701234567', '070-123 45 67'],
    ['08-123 456 78', '+46812345678', '08-123 456 78'],
    ['031-12 34 56', '+4631123456', '031-12 34 56'],
  ])('accepts %s as %s, shown as %s', (typed, e164, shown) => {
    const contact = parseCallbackContact({ phone: typed });
    expect(contact).toEqual({ phone: e164, email: null, preferred: PreferredContact.PHONE });
    expect(formatSwedishPhone(contact!.phone!)).toBe(shown);
  });

  it.each(['12345', '070-123 45 6', '+47 912 34 567', 'ring mig', '070-123 45 67 89'])(
    'refuses %s as a Swedish phone number, naming the field',
    (typed) => {
      expect.assertions(2);
      try {
        parseCallbackContact({ phone: typed });
      } catch (error) {
        expect((error as FrontdoorError).code).toBe(ErrorCode.BAD_USER_INPUT);
        expect((error as FrontdoorError).field).toBe('contact.phone');
      }
    },
  );

  it('lower-cases a good e-mail and refuses a bad one', () => {
    expect(parseCallbackContact({ email: ' Anna.Andersson@Exempel.SE ' })).toEqual({
      phone: null,
      email: 'anna.andersson@exempel.se',
      preferred: PreferredContact.EMAIL,
    });
    for (const bad of ['anna@', 'anna.exempel.se', 'anna @exempel.se'])
      expect(() => parseCallbackContact({ email: bad })).toThrow(/not an e-mail address/);
  });

  it('keeps the preferred way only when its detail is there, and nothing when nothing is given', () => {
    expect(
      parseCallbackContact({ phone: '0701234567', email: 'a@b.se', preferred: PreferredContact.EMAIL }),
    ).toEqual({ phone: '+46701234567', email: 'a@b.se', preferred: PreferredContact.EMAIL });
    expect(() => parseCallbackContact({ email: 'a@b.se', preferred: PreferredContact.PHONE })).toThrow(
      /no phone number/,
    );
    expect(parseCallbackContact({ phone: ' ', email: '' })).toBeNull();
  });
});
