/** One Server-Sent Event: its type (`message` unless named), data lines joined, and id. */
export interface SseMessage {
  type: string;
  data: string;
  id?: string;
}

/**
 * Reads a `text/event-stream` body as it arrives, in chunks cut anywhere (inside a line, between CR
 * and LF): fields `event`, `data`, `id`, `retry`; comments (`:`) ignored; a blank line ends an event.
 * (EventSource would do this, but it cannot send the Authorization header the services require.)
 */
export class SseParser {
  private buffer = '';
  private type = '';
  private data: string[] = [];
  private id?: string;
  /** The reconnection delay the server asked for, in ms. */
  retry?: number;

  feed(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const messages: SseMessage[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i += 1) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      // A CR at the end of the chunk may be the first half of a CRLF: wait for the next chunk.
      if (char === '\r' && i === this.buffer.length - 1) break;
      const line = this.buffer.slice(start, i);
      if (char === '\r' && this.buffer[i + 1] === '\n') i += 1;
      start = i + 1;
      const message = this.line(line);
      if (message) messages.push(message);
    }
    this.buffer = this.buffer.slice(start);
    return messages;
  }

  private line(line: string): SseMessage | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }

  private dispatch(): SseMessage | undefined {
    const message = this.data.length > 0 ? { type: this.type || 'message', data: this.data.join('\n'), ...(this.id !== undefined ? { id: this.id } : {}) } : undefined;
    this.type = '';
    this.data = [];
    return message;
  }
}
