package dev.weir.harness.browser;

import java.io.IOException;
import java.util.Map;

/**
 * Child-JVM main for {@link DisplayTest}: starts an Xvfb, prints its name, and waits to be killed
 * (or for the test JVM to die).
 */
final class XvfbHolder {

  private XvfbHolder() {}

  public static void main(String[] args) throws IOException {
    Display display = Display.acquire(Map.of("PATH", System.getenv("PATH")));
    System.out.println(display.name());
    System.out.flush();
    while (System.in.read() >= 0) {
      // waits to be killed; exits if the test JVM dies first and our stdin closes
    }
  }
}
