import { cleanFileName, refuseContent, refuseSupersede, storageKeyOf } from './evidence.rules.js';

describe('refuseContent', () => {
  it('should accept an accepted type sent as what it is, including the aliases phones send for JPEG', () => {
    expect(refuseContent({ declared: 'application/pdf', sniffed: 'application/pdf', size: 10 })).toBeNull();
    expect(refuseContent({ declared: 'image/JPG', sniffed: 'image/jpeg', size: 10 })).toBeNull();
    expect(refuseContent({ declared: 'image/jpeg; name=a.jpg', sniffed: 'image/jpeg', size: 10 })).toBeNull();
  });

  it('should refuse an empty file, content of another type, and a type the bytes do not bear out', () => {
    expect(refuseContent({ declared: 'image/png', sniffed: null, size: 0 })?.code).toBe('EVIDENCE_EMPTY');
    expect(refuseContent({ declared: 'image/jpeg', sniffed: null, size: 20 })?.code).toBe('EVIDENCE_TYPE_REFUSED');
    expect(refuseContent({ declared: 'application/zip', sniffed: 'application/zip', size: 20 })?.code).toBe(
      'EVIDENCE_TYPE_REFUSED',
    );
    expect(refuseContent({ declared: 'application/pdf', sniffed: 'image/png', size: 20 })?.message).toContain(
      'image/png',
    );
  });
});

describe('cleanFileName', () => {
  it('should keep a Vietnamese name in NFC, drop paths, quotes and control characters, and name a nameless file', () => {
    expect(cleanFileName('C:\\Users\\lan\\Bie\u0302n ba\u0309n.pdf', 'application/pdf')).toBe('Biên bản.pdf');
    expect(cleanFileName('../../etc/"passwd"\u0000.png', 'image/png')).toBe('passwd.png');
    expect(cleanFileName(undefined, 'image/jpeg')).toBe('evidence.jpg');
    expect(cleanFileName('   ', 'application/pdf')).toBe('evidence.pdf');
    expect([...cleanFileName('ả'.repeat(300), 'image/png')]).toHaveLength(255);
  });
});

describe('storageKeyOf / refuseSupersede', () => {
  it('should name content by its hash, fanned out in two levels', () => {
    const sha = 'ab'.repeat(32);
    expect(storageKeyOf(sha)).toBe(`sha256/ab/ab/${sha}`);
  });

  it('should let a file be superseded once', () => {
    expect(refuseSupersede({ supersededById: null })).toBeNull();
    expect(refuseSupersede({ supersededById: 'x' })?.code).toBe('EVIDENCE_ALREADY_SUPERSEDED');
  });
});
