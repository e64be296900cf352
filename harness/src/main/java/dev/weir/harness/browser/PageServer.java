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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * HTML with the bridge script put in (see {@link BridgeScript}); under {@code /.weir/} on every
 * host, the endpoints and the shared folders. One factory serves every host because CEF accepts
 * factories only once its context exists.
 */
final class PageServer implements CefSchemeHandlerFactory {

  static final String SCHEME = "weir";

  private static final String ENDPOINTS = "/.weir/";

  private final Map<String, PageResolver> hosts = new ConcurrentHashMap<>();
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final Map<String, PageResolver> shared = new ConcurrentHashMap<>();
  private final List<String> pageScripts = new CopyOnWriteArrayList<>();

  PageServer() {
    pageScript("bridge.js", BridgeScript.script());
  }

  void mount(String host, PageResolver resolver) {
    hosts.put(host, resolver);
  }

  /** Serves the files under the resolver's root at {@code /.weir/<name>/} on every host. */
  void share(String name, PageResolver resolver) {
    shared.put(name, resolver);
  }

  PageResolver.Resolution resolve(String url) {
    String host = host(url);
    PageResolver resolver = hosts.get(host);
    return resolver == null
        ? new Refused(404, "Nothing is served at " + url)
        : resolver.resolve(SCHEME + "://" + host + "/", url);
  }

  /** What a shared folder has for the endpoint path {@code <name>/<file>}; null: no such name. */
  private PageResolver.Resolution resolveShared(String url, String endpointPath) {
    int slash = endpointPath.indexOf('/');
    PageResolver resolver = slash < 0 ? null : shared.get(endpointPath.substring(0, slash));
    if (resolver == null) {
      return null;
    }
    String base = url.substring(0, url.length() - endpointPath.length() + slash + 1);
    return resolver.resolve(base, url);
  }

  /** Answers {@code /.weir/<path>} on every host; files at such paths are shadowed. */
  void endpoint(String path, Endpoint endpoint) {
    if (endpoints.putIfAbsent(path, endpoint) != null) {
      throw new IllegalStateException("An endpoint is already served at /.weir/" + path);
    }
  }

  /** Adds a script every served HTML document loads, after the bridge and before its own. */
  void pageScript(String name, byte[] source) {
    endpoint(name, (method, path, headers) -> Endpoint.Reply.ok("text/javascript", source));
    pageScripts.add(ENDPOINTS + name);
  }

  /** The endpoint path (query included) of a URL under {@code /.weir/} on a served host, or null. */
  private String endpointPath(String url) {
    String host = host(url);
    String prefix = SCHEME + "://" + host + ENDPOINTS;
    if (!hosts.containsKey(host) || !url.startsWith(prefix)) {
      return null;
    }
    return url.substring(prefix.length());
  }

  private static Map<String, String> headers(CefRequest request) {
    Map<String, String> headers = new HashMap<>();
    request.getHeaderMap(headers);
    return headers;
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
      String endpointPath = endpointPath(request.getURL());
      PageResolver.Resolution resolution =
          endpointPath == null ? null : resolveShared(request.getURL(), endpointPath);
      if (endpointPath != null && resolution == null) {
        int query = endpointPath.indexOf('?');
        Endpoint endpoint =
            endpoints.get(query < 0 ? endpointPath : endpointPath.substring(0, query));
        Endpoint.Reply reply =
            endpoint == null
                ? Endpoint.Reply.of(
                    404,
                    "text/plain",
                    ("Nothing is served at " + request.getURL()).getBytes(StandardCharsets.UTF_8))
                : endpoint.answer(request.getMethod(), endpointPath, headers(request));
        status = reply.status();
        contentType = reply.contentType();
        length = reply.length();
        body = reply.body();
        return true;
      }
      if (resolution == null) {
        resolution = resolve(request.getURL());
      }
      if (resolution instanceof Served served) {
        try {
          status = 200;
          contentType = served.contentType();
          if (contentType.startsWith("text/html")) {
            byte[] page = BridgeScript.inject(Files.readAllBytes(served.file()), pageScripts);
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
      responseLength.set(length < 0 || length > Integer.MAX_VALUE ? -1 : (int) length); // -1: unknown
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
