package dev.weir.harness.browser;

import dev.weir.harness.browser.PageResolver.Refused;
import dev.weir.harness.browser.PageResolver.Served;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.callback.CefCallback;
import org.cef.callback.CefResourceReadCallback;
import org.cef.callback.CefSchemeHandlerFactory;
import org.cef.handler.CefResourceHandler;
import org.cef.handler.CefResourceHandlerAdapter;
import org.cef.misc.BoolRef;
import org.cef.misc.IntRef;
import org.cef.misc.StringRef;
import org.cef.network.CefRequest;
import org.cef.network.CefResponse;

/**
 * Answers {@code weir://host/...} requests with the files the host's {@link PageResolver} allows,
 * HTML with the bridge script put in (see {@link BridgeScript}). One factory serves every host
 * because CEF accepts factories only once its context exists.
 */
final class PageServer implements CefSchemeHandlerFactory {

  static final String SCHEME = "weir";

  private final Map<String, PageResolver> hosts = new ConcurrentHashMap<>();

  void mount(String host, PageResolver resolver) {
    hosts.put(host, resolver);
  }

  PageResolver.Resolution resolve(String url) {
    PageResolver resolver = hosts.get(host(url));
    return resolver == null
        ? new Refused(404, "Nothing is served at " + url)
        : resolver.resolve(url);
  }

  private boolean isBridgeScript(String url) {
    return hosts.containsKey(host(url)) && url.endsWith("://" + host(url) + BridgeScript.PATH);
  }

  /** The URL's host, or "" when it has none or does not parse (the resolver then refuses it). */
  private static String host(String url) {
    try {
      String host = new URI(url).getHost();
      return host == null ? "" : host;
    } catch (URISyntaxException e) {
      return "";
    }
  }

  @Override
  public CefResourceHandler create(
      CefBrowser browser, CefFrame frame, String schemeName, CefRequest request) {
    return new Response();
  }

  /** One response: a file streamed in the chunks CEF asks for, or a refusal's reason. */
  private final class Response extends CefResourceHandlerAdapter {
    private int status;
    private String contentType;
    private long length;
    private InputStream body;

    @Override
    public boolean open(CefRequest request, BoolRef handleRequest, CefCallback callback) {
      handleRequest.set(true);
      if (isBridgeScript(request.getURL())) {
        status = 200;
        contentType = "text/javascript";
        length = BridgeScript.script().length;
        body = new ByteArrayInputStream(BridgeScript.script());
        return true;
      }
      PageResolver.Resolution resolution = resolve(request.getURL());
      if (resolution instanceof Served served) {
        try {
          status = 200;
          contentType = served.contentType();
          if (contentType.startsWith("text/html")) {
            byte[] page = BridgeScript.inject(Files.readAllBytes(served.file()));
            length = page.length;
            body = new ByteArrayInputStream(page);
          } else {
            length = Files.size(served.file());
            body = Files.newInputStream(served.file());
          }
          return true;
        } catch (IOException e) {
          resolution = new Refused(404, "Could not read " + request.getURL() + ": " + e);
        }
      }
      Refused refused = (Refused) resolution;
      byte[] reason = refused.reason().getBytes(StandardCharsets.UTF_8);
      status = refused.status();
      contentType = "text/plain";
      length = reason.length;
      body = new ByteArrayInputStream(reason);
      return true;
    }

    @Override
    public void getResponseHeaders(
        CefResponse response, IntRef responseLength, StringRef redirectUrl) {
      response.setStatus(status);
      response.setMimeType(contentType);
      responseLength.set(length > Integer.MAX_VALUE ? -1 : (int) length); // -1: unknown
    }

    @Override
    public boolean read(
        byte[] dataOut, int bytesToRead, IntRef bytesRead, CefResourceReadCallback callback) {
      try {
        int n = body.read(dataOut, 0, bytesToRead);
        if (n <= 0) {
          bytesRead.set(0);
          body.close();
          return false;
        }
        bytesRead.set(n);
        return true;
      } catch (IOException e) {
        bytesRead.set(-2); // net::ERR_FAILED
        return false;
      }
    }

    @Override
    public void cancel() {
      try {
        if (body != null) {
          body.close();
        }
      } catch (IOException e) {
        // The request is abandoned; nothing is waiting for the body any more.
      }
    }
  }
}
