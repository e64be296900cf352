package dev.weir.harness.browser;

import java.util.Map;

/** Child-JVM main for {@link DisplayTest}: starts an Xvfb, prints its name, and waits to be killed. */
final class XvfbHolder {

  private XvfbHolder() {}

  public static void main(String[] args) throws InterruptedException {
    Display display = Display.acquire(Map.of("PATH", System.getenv("PATH")));
    System.out.println(display.name());
    System.out.flush();
    Thread.currentThread().join();
  }
}
