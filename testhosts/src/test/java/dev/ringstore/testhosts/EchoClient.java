package dev.ringstore.testhosts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One echo round trip for {@link TestNetworkIT}: {@code EchoClient ADDR PORT TIMEOUT_MS}. Exits 0
 * when the echo came back, {@value #TIMED_OUT} when connecting or reading timed out (the signature
 * of a silent drop), {@value #FAILED} on any other failure (refused, unreachable, wrong echo).
 */
public final class EchoClient {
  static final int FAILED = 1;
  static final int TIMED_OUT = 2;

  private EchoClient() {}

  public static void main(String[] args) {
    int timeoutMillis = Integer.parseInt(args[2]);
    InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    try (Socket socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out.println("ping");
      String echo = in.readLine();
      if (!"ping".equals(echo)) {
        System.out.println("wrong echo from " + server + ": " + echo);
        System.exit(FAILED);
      }
      System.out.println("echo from " + server);
      System.exit(0);
    } catch (SocketTimeoutException e) {
      System.out.println("timed out after " + timeoutMillis + " ms: " + server);
      System.exit(TIMED_OUT);
    } catch (IOException e) {
      System.out.println("failed: " + server + ": " + e);
      System.exit(FAILED);
    }
  }
}
