import { judgePassword, userInputsOf } from './password-strength.js';

const ACCOUNT = ['nguyen.van.an@tayho.hanoi.gov.vn', 'Nguyễn Văn An'];
const MIN = 3;

describe(judgePassword.name, () => {
  it.each([
    ['a repeated letter', 'aaaaaaaaaa'],
    ['a common password', 'password123'],
    ['a keyboard row', 'qwertyuiop'],
    ['digits in a row', '1234567890'],
    ['a common password in l33t', 'P@ssw0rd2026'],
    ["the email's local part", 'nguyen.van.an'],
    ["the email's local part run together", 'nguyenvanan'],
    ['the full name', 'Nguyễn Văn An'],
    ['the full name without marks, and a year', 'nguyenvanan2026'],
    ["the product's name", 'giaiphongmatbang'],
    ["the product's words and a year", 'gpmbcrm2026!'],
  ])('should refuse %s (%s)', (_, password) => {
    const verdict = judgePassword(password, ACCOUNT, MIN);
    expect(verdict).toMatchObject({ acceptable: false });
    expect(verdict.score).toBeLessThan(MIN);
  });

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['a Vietnamese passphrase', 'Sông Hồng chảy qua 36 phố'],
    ['a Vietnamese passphrase with a year', 'Mật khẩu mới 2026!'],
    ['a mixed one', 'GpmbDemo@2026'],
    ['a mixed one with words', 'blue-Fern-7-quietly'],
    ['a l33t word with symbols', 'Tr0ub4dour&3x'],
  ])('should accept %s (%s)', (_, password) => {
    expect(judgePassword(password, ACCOUNT, MIN)).toMatchObject({ acceptable: true });
  });

  it("should say why, with zxcvbn's warning and suggestions", () => {
    expect(judgePassword('aaaaaaaaaa', ACCOUNT, MIN)).toEqual({
      acceptable: false,
      score: 0,
      reason:
        'password is too easy to guess (strength 0 of 4, at least 3 needed). ' +
        'Repeated characters like "aaa" are easy to guess. ' +
        'Add more words that are less common. Avoid repeated words and characters.',
    });
    expect(judgePassword('nguyenvanan', ACCOUNT, MIN)).toMatchObject({
      reason: expect.stringContaining('personal'),
    });
  });

  it('should follow the configured minimum', () => {
    expect(judgePassword('GpmbDemo@2026', ACCOUNT, 3)).toEqual({ acceptable: true, score: 3 });
    expect(judgePassword('GpmbDemo@2026', ACCOUNT, 4)).toMatchObject({ acceptable: false, score: 3 });
    expect(judgePassword('aaaaaaaaaa', ACCOUNT, 0)).toEqual({ acceptable: true, score: 0 });
  });

  it("should count the account's own words only for that account", () => {
    expect(judgePassword('nguyenvanan', ACCOUNT, MIN).score).toBeLessThan(
      judgePassword('nguyenvanan', ['tran.thi.mai@tayho.hanoi.gov.vn', 'Trần Thị Mai'], MIN).score,
    );
  });

  it('should judge a password in any Unicode normal form alike', () => {
    const composed = judgePassword('Mật khẩu mới 2026!'.normalize('NFC'), ACCOUNT, MIN);
    expect(judgePassword('Mật khẩu mới 2026!'.normalize('NFD'), ACCOUNT, MIN)).toEqual(composed);
  });
});

describe(userInputsOf.name, () => {
  it("should take an email's parts and a name with and without marks", () => {
    const inputs = userInputsOf(['Le.Thu-Ha@Phuthuong.vn', 'Lê Thị Thu Hà']);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'le.thu-ha@phuthuong.vn',
        'le.thu-ha',
        'lethuha',
        'phuthuong',
        'lê thị thu hà',
        'le thi thu ha',
        'lethithuha',
        'thu',
        'gpmb',
      ]),
    );
    expect(inputs).not.toContain('le');
  });

  it('should write đ as d without marks', () => {
    expect(userInputsOf(['Đặng Văn Bình'])).toEqual(expect.arrayContaining(['đặng văn bình', 'dang van binh']));
  });
});
