package dev.weir.harness.conformance;

import dev.weir.harness.check.Checker;
import java.util.List;

/**
 * One conformance case: how to drive a frontend over a transport so that one property shows in
 * the trace, and the checkers that judge it. A case holds no state between runs; each run gets a
 * fresh {@link CaseRun}.
 */
public interface ConformanceCase {

  /** A stable id, numbered by property, such as {@code 1.2-ordering-faults} or {@code 4.1-reconnect-cap}. */
  String id();

  /** The checker whose property the case exercises: one of {@link Cases#CHECKERS}. */
  String checker();

  /** One sentence for tables: what the case does to the frontend. */
  String description();

  /** The transport kinds the case applies to. */
  List<String> kinds();

  /** Drives {@code run} from start to a closed frontend. */
  void drive(CaseRun run);

  /** The checkers that judge the run's trace. */
  List<Checker> checkers();
}
