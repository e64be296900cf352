package org.cef.browser;

import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.cef.CefClient;
import org.cef.callback.CefDragData;
import org.cef.handler.CefRenderHandler;
import org.cef.handler.CefScreenInfo;

/**
 * An off-screen browser with no AWT component and no OpenGL: it tells CEF its view is a fixed
 * rectangle and discards every painted frame.
 *
 * <p>It lives in {@code org.cef.browser} only because {@link CefBrowser_N} is package-private;
 * JCEF's own off-screen browser needs JOGL and a real AWT display, which a headless harness has
 * no use for.
 */
public final class HeadlessBrowser extends CefBrowser_N implements CefRenderHandler {

  private static final Rectangle VIEW = new Rectangle(0, 0, 800, 600);

  // CEF answers setFocus(true) with a synchronous OnGotFocus, whose JCEF handler calls setFocus
  // again: without this guard that recursion overflows the AWT event thread's stack.
  private boolean focusing;

  public HeadlessBrowser(CefClient client, String url) {
    super(client, url, null, null, null, null);
  }

  @Override
  public void createImmediately() {
    if (getNativeRef("CefBrowser") == 0) {
      createBrowser(getClient(), 0, getUrl(), true, false, null, getRequestContext());
    }
  }

  @Override
  public void setFocus(boolean enable) {
    if (focusing) {
      return;
    }
    focusing = true;
    try {
      super.setFocus(enable);
    } finally {
      focusing = false;
    }
  }

  @Override
  public CefRenderHandler getRenderHandler() {
    return this;
  }

  @Override
  public Component getUIComponent() {
    return null;
  }

  @Override
  public CompletableFuture<BufferedImage> createScreenshot(boolean nativeResolution) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("A headless browser keeps no frames"));
  }

  @Override
  protected CefBrowser_N createDevToolsBrowser(
      CefClient client, String url, CefRequestContext context, CefBrowser_N parent, Point at) {
    throw new UnsupportedOperationException("Use getDevToolsClient() instead of a DevTools window");
  }

  @Override
  public Rectangle getViewRect(CefBrowser browser) {
    return new Rectangle(VIEW);
  }

  @Override
  public boolean getScreenInfo(CefBrowser browser, CefScreenInfo screenInfo) {
    return false;
  }

  @Override
  public Point getScreenPoint(CefBrowser browser, Point viewPoint) {
    return new Point(viewPoint);
  }

  @Override
  public void onPopupShow(CefBrowser browser, boolean show) {}

  @Override
  public void onPopupSize(CefBrowser browser, Rectangle size) {}

  @Override
  public void onPaint(
      CefBrowser browser,
      boolean popup,
      Rectangle[] dirtyRects,
      ByteBuffer buffer,
      int width,
      int height) {}

  @Override
  public void addOnPaintListener(Consumer<CefPaintEvent> listener) {}

  @Override
  public void setOnPaintListener(Consumer<CefPaintEvent> listener) {}

  @Override
  public void removeOnPaintListener(Consumer<CefPaintEvent> listener) {}

  @Override
  public boolean onCursorChange(CefBrowser browser, int cursorType) {
    return true;
  }

  @Override
  public boolean startDragging(
      CefBrowser browser, CefDragData dragData, int mask, int x, int y) {
    return false;
  }

  @Override
  public void updateDragCursor(CefBrowser browser, int operation) {}
}
