package dev.weir.scenarios.report;

import dev.weir.harness.conformance.CaseResult;
import static dev.weir.scenarios.report.Html.escape;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.check.Violation;
import dev.weir.harness.evidence.Evidence;
import dev.weir.harness.evidence.Histogram;
import dev.weir.harness.evidence.Retries;
import dev.weir.harness.evidence.Timeline;
import dev.weir.harness.trace.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.html}: the verdict matrix, then each run's section — its verdicts with their
 * summaries, counts and first violation in context, and figures that {@code assets/report.js}
 * draws with uPlot from the evidence embedded in the page. Everything but the plots is plain HTML,
 * so the matrix and the verdicts read without scripts. The page loads only the files beside it
 * (its Content-Security-Policy allows nothing else), so it opens offline, from {@code file://}.
 */
final class IndexHtml implements ReportFile {

  /** What the page may load: its own assets, and nothing over the network. */
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'";

  private static final JsonFactory FACTORY =
      new JsonFactory().setCharacterEscapes(new Html.ScriptSafe());

  @Override
  public String name() {
    return "index.html";
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    StringBuilder html = new StringBuilder(64 * 1024);
    head(report, html);
    matrix(report, html);
    List<CaseResult> runs = report.runs();
    for (int i = 0; i < runs.size(); i++) {
      run(runs.get(i), i, html);
    }
    html.append("<script type=\"application/json\" id=\"weir-evidence\">");
    html.append(evidence(runs));
    html.append("</script>\n");
    html.append("<script src=\"assets/uPlot.iife.min.js\"></script>\n");
    html.append("<script src=\"assets/report.js\"></script>\n");
    html.append("</body>\n</html>\n");
    out.write(html.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void head(Report report, StringBuilder html) {
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(POLICY)
        .append("\">\n");
    html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.append("<title>").append(escape(report.title())).append("</title>\n");
    html.append("<link rel=\"stylesheet\" href=\"assets/uPlot.min.css\">\n");
    html.append("<link rel=\"stylesheet\" href=\"assets/report.css\">\n");
    html.append("</head>\n<body>\n<header>\n<h1>").append(escape(report.title())).append("</h1>\n");
    html.append("<p class=\"totals\">").append(report.runs().size()).append(" runs:");
    for (Map.Entry<Status, Long> total : report.totals().entrySet()) {
      html.append(" <span class=\"badge ").append(Html.cssClass(total.getKey().label()))
          .append("\">").append(total.getValue()).append(' ').append(total.getKey().label())
          .append("</span>");
    }
    html.append("</p>\n");
    report.conditions().ifPresent(conditions -> conditions.lines().forEach(line ->
        html.append("<p class=\"conditions\">").append(escape(line)).append("</p>\n")));
    html.append("</header>\n");
  }

  private static void matrix(Report report, StringBuilder html) {
    List<String> transports = report.transports();
    html.append("<section id=\"matrix\">\n<h2>Verdicts</h2>\n<table class=\"matrix\">\n<thead><tr>");
    html.append("<th scope=\"col\">case</th>");
    for (String transport : transports) {
      html.append("<th scope=\"col\">").append(escape(transport)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<String, String> c : report.cases().entrySet()) {
      html.append("<tr><th scope=\"row\"><span class=\"case-id\">").append(escape(c.getKey()))
          .append("</span><span class=\"case-title\">").append(escape(c.getValue()))
          .append("</span></th>");
      for (String transport : transports) {
        cell(report, c.getKey(), transport, html);
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n<p class=\"legend\">");
    for (Status status : Status.values()) {
      html.append("<span class=\"badge ").append(Html.cssClass(status.label())).append("\">")
          .append(status.label()).append("</span> ");
    }
    html.append("<span class=\"badge na\">N/A</span> the case does not apply to the transport."
        + " Each cell links to its run.</p>\n</section>\n");
  }

  private static void cell(Report report, String caseId, String transport, StringBuilder html) {
    html.append("<td data-case=\"").append(escape(caseId)).append("\" data-transport=\"")
        .append(escape(transport)).append('"');
    Optional<CaseResult> run = report.run(caseId, transport);
    if (run.isEmpty()) {
      html.append(" class=\"cell na\" data-status=\"N/A\">&ndash;</td>");
      return;
    }
    String status = run.get().status().label();
    html.append(" class=\"cell ").append(Html.cssClass(status)).append("\" data-status=\"")
        .append(status).append("\"><a href=\"#run-").append(report.runs().indexOf(run.get()))
        .append("\">").append(status).append("</a></td>");
  }

  private static void run(CaseResult run, int index, StringBuilder html) {
    String status = run.status().label();
    html.append("<section class=\"run\" id=\"run-").append(index).append("\" data-status=\"")
        .append(status).append("\">\n<h2><span class=\"badge ").append(Html.cssClass(status))
        .append("\">").append(status).append("</span> ").append(escape(run.caseId()))
        .append(" on ").append(escape(run.kind())).append(" <small>")
        .append(seconds(run.took().toMillis())).append("</small></h2>\n");
    html.append("<p class=\"case-title\">").append(escape(run.description())).append("</p>\n");
    for (Verdict verdict : run.verdicts()) {
      verdict(verdict, html);
    }
    plots(run.evidence(), index, html);
    html.append("</section>\n");
  }

  private static void verdict(Verdict verdict, StringBuilder html) {
    String status = verdict.status().label();
    html.append("<div class=\"verdict\">\n<h3>").append(escape(verdict.checker()))
        .append(" <span class=\"badge ").append(Html.cssClass(status)).append("\">")
        .append(status).append("</span></h3>\n<p class=\"summary\">")
        .append(escape(verdict.summary())).append("</p>\n");
    verdict.firstViolation().ifPresent(v -> violation(v, verdict.status(), html));
    html.append("<details").append(verdict.status().passed() ? "" : " open")
        .append("><summary>counts</summary>\n<table class=\"counts\">");
    verdict.counts().forEach((name, value) -> html.append("<tr><th>").append(escape(name))
        .append("</th><td>").append(value).append("</td></tr>"));
    verdict.fractions().forEach((name, value) -> html.append("<tr><th>").append(escape(name))
        .append("</th><td>").append(Double.isFinite(value)
            ? String.format(Locale.ROOT, "%.1f %%", 100 * value) : "&ndash;")
        .append("</td></tr>"));
    html.append("</table>\n</details>\n</div>\n");
  }

  private static void violation(Violation v, Status status, StringBuilder html) {
    html.append("<div class=\"violation\">\n<p><strong>")
        .append(status == Status.NON_STRICT ? "First allowed deviation" : "First violation")
        .append(":</strong> <code>").append(escape(v.defect())).append("</code> at event #")
        .append(v.event().index()).append(" (stream \"").append(escape(v.event().stream()))
        .append("\")</p>\n<p>Expected ").append(escape(v.expected())).append(", but ")
        .append(escape(v.actual())).append(".</p>\n");
    html.append("<table class=\"context\"><thead><tr><th>event</th><th>kind</th><th>stream</th>"
        + "<th>fields</th><th>time</th></tr></thead>\n<tbody>\n");
    v.before().forEach(e -> event(e, false, html));
    event(v.event(), true, html);
    v.after().forEach(e -> event(e, false, html));
    html.append("</tbody></table>\n</div>\n");
  }

  private static void event(TraceEvent e, boolean named, StringBuilder html) {
    html.append(named ? "<tr class=\"named\">" : "<tr>").append("<td>#").append(e.index())
        .append("</td><td>").append(e.kind().label()).append("</td><td>")
        .append(escape(e.stream())).append("</td><td>").append(escape(EventText.fields(e)))
        .append("</td><td>").append(EventText.millis(e.wallNs())).append("</td></tr>\n");
  }

  /** A figure per part of the evidence that holds anything; report.js draws into each. */
  private static void plots(Evidence evidence, int run, StringBuilder html) {
    StringBuilder figures = new StringBuilder();
    Histogram latency = evidence.latency();
    if (latency.count() > 0) {
      figure(figures, "latency", run, "Delivery latency (send to the page's receipt)",
          latency.count() + " messages: p50 &le; " + EventText.millis(latency.p50Ns())
              + ", p90 &le; " + EventText.millis(latency.p90Ns()) + ", p99 &le; "
              + EventText.millis(latency.p99Ns()) + ", max " + EventText.millis(latency.maxNs())
              + (latency.negative() > 0
                  ? "; " + latency.negative() + " below 0 (page clock behind) counted as 0" : ""));
    }
    Timeline throughput = evidence.throughput();
    if (throughput.series().stream().anyMatch(s -> !s.points().isEmpty())) {
      figure(figures, "throughput", run, "Throughput",
          "messages sent and delivered per " + bucket(throughput) + ", by the run's time");
    }
    Timeline occupancy = evidence.occupancy();
    if (!occupancy.series().isEmpty()) {
      figure(figures, "occupancy", run, "Buffer occupancy",
          "the most items each buffer held per " + bucket(occupancy)
              + occupancy.levels().stream()
                  .map(l -> ", " + escape(l.name()) + " " + l.value())
                  .reduce("", String::concat)
              + (occupancy.omittedSeries() > 0
                  ? "; " + occupancy.omittedSeries() + " more buffers not drawn" : ""));
    }
    Retries retries = evidence.retries();
    if (!retries.retries().isEmpty()) {
      long outside = retries.retries().stream().filter(r -> !r.within()).count();
      figure(figures, "retries", run, "Reconnect delays against the policy's envelope",
          retries.retries().size() + " retries judged, " + outside + " outside the tolerance"
              + (retries.omitted() > 0 ? "; " + retries.omitted() + " more not drawn" : ""));
    }
    if (figures.length() == 0) {
      html.append("<p class=\"no-plots\">No sends, deliveries, buffer snapshots or judged retries"
          + " were recorded: nothing to plot.</p>\n");
    } else {
      html.append("<div class=\"plots\">\n").append(figures).append("</div>\n");
    }
  }

  private static void figure(
      StringBuilder html, String kind, int run, String title, String caption) {
    html.append("<figure class=\"plot\" data-plot=\"").append(kind).append("\" data-run=\"")
        .append(run).append("\">\n<figcaption><strong>").append(title).append("</strong><br>")
        .append(caption).append("</figcaption>\n<div class=\"chart\"></div>\n</figure>\n");
  }

  private static String bucket(Timeline timeline) {
    return EventText.millis(timeline.bucketNs()).replace(".000 ms", " ms");
  }

  private static String seconds(long millis) {
    return BigDecimal.valueOf(millis / 100, 1).toPlainString() + " s";
  }

  /** Every run's evidence as one JSON array, indexed like the runs, safe inside a script element. */
  private static String evidence(List<CaseResult> runs) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeStartArray();
      for (CaseResult run : runs) {
        run.evidence().writeJson(json);
      }
      json.writeEndArray();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
