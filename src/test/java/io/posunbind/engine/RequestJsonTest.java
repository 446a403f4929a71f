package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.posunbind.errors.MalformedJsonException;

class RequestJsonTest {

    @Test
    void refusesIllFormedUtf8ThatTheJsonParserWouldLetThrough() {
        byte[][] illFormed = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}};
        for (byte[] bad : illFormed) {
            byte[] body = new byte[9 + bad.length];
            System.arraycopy("{\"a\":\"x".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 7);
            System.arraycopy(bad, 0, body, 7, bad.length);
            body[body.length - 2] = '"';
            body[body.length - 1] = '}';

            assertThatThrownBy(() -> RequestJson.read(body)).isInstanceOf(MalformedJsonException.class)
                    .hasMessage("The request body is not valid UTF-8 at byte 8");
        }
    }

    @Test
    void readsUtf8WithOrWithoutAByteOrderMark() {
        String text = "\u4E2D\uD83D\uDE00";

        assertThat(RequestJson.read("\uFEFF{\"a\":\"" + text + "\"}").get("a").asText()).isEqualTo(text);
        assertThat(RequestJson.read("{\"a\":\"" + text + "\"}").get("a").asText()).isEqualTo(text);
    }

    @Test
    void saysWhatIsWrongWithoutTheParsersJavaNames() {
        assertThatThrownBy(() -> RequestJson.read("{} {}")).hasMessage(
                "The request body is not valid JSON at line 1, column 4: more follows the JSON value");
        assertThatThrownBy(() -> RequestJson.read("[".repeat(40) + "]".repeat(40)))
                .hasMessageContaining("nesting depth (33) exceeds the maximum allowed (32)")
                .hasMessageNotContaining("`").hasMessageNotContaining("Constraints");
        assertThatThrownBy(() -> RequestJson.read("{\"a\":" + "1".repeat(41) + "}"))
                .hasMessageContaining("exceeds the maximum allowed (40)").hasMessageNotContaining("`");
    }
}
