package dev.weir.simulator.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.InputFormat;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.weir.simulator.stream.Reading;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingSchemaTest {

  @Test
  void encodedMessagesIncludingNonFiniteValuesValidateAgainstTheShippedSchema() throws Exception {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(new String(ReadingEncoding.JSON.schemaData(), StandardCharsets.UTF_8));
    ReadingEncoder encoder = ReadingEncoding.JSON.newEncoder();
    Reading reading = new Reading("accel", 1, 2, 3, new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e-300});
    String message = new String(Arrays.copyOf(encoder.buffer(), encoder.encode(reading)), StandardCharsets.UTF_8);
    assertEquals(List.of(), schema.validate(message, InputFormat.JSON, OutputFormat.DEFAULT));
    assertFalse(schema.validate("{\"sensor\":\"a\",\"index\":1,\"stamp_ns\":1,\"values\":[\"nan\"]}",
        InputFormat.JSON, OutputFormat.DEFAULT).isEmpty());
  }
}
