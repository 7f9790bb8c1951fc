import { type Credentials, credentialsFrom, type RequestHeaders } from './credentials.js';

describe('credentialsFrom', () => {
  it.each<[string, RequestHeaders, Credentials]>([
    ['find nothing', {}, { kind: 'none' }],
    ['find nothing in an empty header', { authorization: '  ' }, { kind: 'none' }],
    ['read a bearer token', { authorization: 'Bearer abc.def.ghi' }, { kind: 'access_token', token: 'abc.def.ghi' }],
    ['accept any case of the scheme', { authorization: 'bearer abc' }, { kind: 'access_token', token: 'abc' }],
    [
      'read an API key sent as a bearer token',
      { authorization: 'Bearer gpmb_x1' },
      { kind: 'api_key', key: 'gpmb_x1' },
    ],
    ['read X-API-Key', { 'x-api-key': ' gpmb_x1 ' }, { kind: 'api_key', key: 'gpmb_x1' }],
    [
      'prefer X-API-Key over Authorization',
      { 'x-api-key': 'gpmb_x1', authorization: 'Bearer abc' },
      { kind: 'api_key', key: 'gpmb_x1' },
    ],
    ['pass on an empty X-API-Key to be refused', { 'x-api-key': '' }, { kind: 'api_key', key: '' }],
    ['refuse Basic', { authorization: 'Basic dXNlcjpwYXNz' }, { kind: 'malformed' }],
    ['refuse a scheme without token', { authorization: 'Bearer' }, { kind: 'malformed' }],
    ['refuse two tokens', { authorization: 'Bearer a b' }, { kind: 'malformed' }],
    ['refuse repeated headers', { 'x-api-key': ['a', 'b'] }, { kind: 'api_key', key: '' }],
  ])('should %s', (_, headers, expected) => {
    expect(credentialsFrom(headers)).toEqual(expected);
  });
});
