import { SseParser } from './sse-parser';

describe('the Server-Sent Events parser', () => {
  it('reads the events notification sends, one per blank line', () => {
    const parser = new SseParser();
    expect(parser.feed('event: indicators\nid: 13/2026-12-03\ndata: {"sortiesSeches":1}\n\nevent: outlook\ndata: {}\n\n')).toEqual([
      { type: 'indicators', id: '13/2026-12-03', data: '{"sortiesSeches":1}' },
      { type: 'outlook', id: '13/2026-12-03', data: '{}' },
    ]);
  });

  it('puts together an event cut anywhere across chunks, CRLF split included', () => {
    const parser = new SseParser();
    const chunks = ['eve', 'nt: indicators\r', '\ndata: {"a"', ':1}\r', '\n', '\r\n'];
    const messages = chunks.flatMap((chunk) => parser.feed(chunk));
    expect(messages).toEqual([{ type: 'indicators', data: '{"a":1}' }]);
  });

  it('joins data lines, names an unnamed event `message`, and ignores comments and events without data', () => {
    const parser = new SseParser();
    expect(parser.feed(': keep-alive\n\nevent: ping\n\ndata: one\ndata:two\n\n')).toEqual([{ type: 'message', data: 'one\ntwo' }]);
  });

  it('keeps the reconnection delay the server asks for, and lone CRs as line ends (a last CR may be half a CRLF)', () => {
    const parser = new SseParser();
    expect(parser.feed('retry: 5000\rdata: x\r\r')).toEqual([]);
    expect(parser.feed('data: y\r\r\n')).toEqual([{ type: 'message', data: 'x' }, { type: 'message', data: 'y' }]);
    expect(parser.retry).toBe(5000);
  });

  it('holds an unfinished event until its blank line comes', () => {
    const parser = new SseParser();
    expect(parser.feed('data: half')).toEqual([]);
    expect(parser.feed('\n')).toEqual([]);
    expect(parser.feed('\n')).toEqual([{ type: 'message', data: 'half' }]);
  });
});
