package dev.weir.scenarios.report;

import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.check.Verdict;
import dev.weir.scenarios.run.Conditions;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: the runs as one Surefire-style {@code <testsuite>}, for CI's test views. One
 * {@code <testcase>} per case and transport, named {@code <case> [<transport>]} in class {@code
 * weir.<case with / as .>}; a run with a FAILED or INCONCLUSIVE verdict has a {@code <failure>}
 * whose message is the first such verdict's first violation (a FAILED one before an INCONCLUSIVE
 * one; for an INCONCLUSIVE one, its summary) and whose text is their summaries. NON-STRICT and
 * INFORMATIONAL runs pass, as {@link dev.weir.harness.check.Status#passed()} says. The stress and load average the runs
 * ran under, when recorded, are the suite's {@code <properties>}.
 */
final class JunitXml implements ReportFile {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  @Override
  public String name() {
    return "junit.xml";
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", text(report.title()));
      xml.writeAttribute("tests", String.valueOf(report.runs().size()));
      xml.writeAttribute(
          "failures",
          String.valueOf(report.runs().stream().filter(r -> !r.passed()).count()));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute(
          "time",
          seconds(report.runs().stream().map(CaseResult::took).reduce(Duration.ZERO, Duration::plus)));
      if (report.conditions().isPresent()) {
        properties(report.conditions().get(), xml);
      }
      for (CaseResult run : report.runs()) {
        testcase(run, xml);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("writing junit.xml: " + e.getMessage(), e);
    }
  }

  /**
   * {@code <properties>}, as Surefire writes the JVM's: {@code weir.stress} (the spec, when the runs
   * ran under stress) and {@code weir.load_average_1m.start} and {@code .end} (when known).
   */
  private static void properties(Conditions conditions, XMLStreamWriter xml)
      throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("properties");
    if (conditions.stress().isPresent()) {
      property("weir.stress", conditions.stress().get().toString(), xml);
    }
    if (conditions.loadAverage().isPresent()) {
      property("weir.load_average_1m.start",
          conditions.loadAverage().get().atStart().toPlainString(), xml);
      property("weir.load_average_1m.end", conditions.loadAverage().get().atEnd().toPlainString(),
          xml);
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void property(String name, String value, XMLStreamWriter xml)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private static void testcase(CaseResult run, XMLStreamWriter xml) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    boolean failed = !run.passed();
    if (failed) {
      xml.writeStartElement("testcase");
    } else {
      xml.writeEmptyElement("testcase");
    }
    xml.writeAttribute("name", text(run.caseId() + " [" + run.kind() + "]"));
    xml.writeAttribute("classname", text("weir." + run.caseId().replace('/', '.')));
    xml.writeAttribute("time", seconds(run.took()));
    if (failed) {
      Verdict failure = run.failures().get(0);
      xml.writeCharacters("\n    ");
      xml.writeStartElement("failure");
      xml.writeAttribute("message", text(message(failure)));
      xml.writeAttribute(
          "type", text(failure.firstViolation().map(v -> v.defect()).orElse(failure.checker())));
      xml.writeCharacters(text(run.verdicts().stream()
          .filter(v -> !v.status().passed())
          .map(Verdict::summary)
          .collect(Collectors.joining("\n"))));
      xml.writeEndElement();
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
    }
  }

  /** {@code <checker>: <defect> at event #n (stream "s"): expected …, but …}. */
  static String message(Verdict failure) {
    return failure.checker() + ": "
        + failure.firstViolation().map(v -> v.describe()).orElse(failure.summary());
  }

  /** {@code 3.25}: seconds with at most three decimals, as Surefire writes them. */
  private static String seconds(Duration took) {
    return BigDecimal.valueOf(took.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  /** The text with characters XML 1.0 cannot hold (most control characters) as U+FFFD. */
  private static String text(String s) {
    StringBuilder clean = new StringBuilder(s.length());
    s.codePoints().forEach(c -> clean.appendCodePoint(
        c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD));
    return clean.toString();
  }
}
