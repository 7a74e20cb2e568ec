package io.github.sitegen.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import org.jspecify.annotations.Nullable;

/**
 * Bytes decoded only when they are text in a charset: {@code new String(bytes, charset)} replaces
 * what it cannot decode with U+FFFD, silently, where the archive, feeds and themes want to know.
 */
public final class StrictText {
  private StrictText() {}

  /** The {@code length} bytes from {@code offset} in {@code charset}; null when they are not. */
  public static @Nullable String decode(byte[] bytes, int offset, int length, Charset charset) {
    try {
      return decoder(charset).decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The offset of the first of {@code bytes} that is not text in {@code charset}; -1 if none. */
  public static int firstInvalid(byte[] bytes, Charset charset) {
    CharsetDecoder decoder = decoder(charset);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (!result.isOverflow()) {
        return -1;
      }
      out.clear();
    }
  }

  private static CharsetDecoder decoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
