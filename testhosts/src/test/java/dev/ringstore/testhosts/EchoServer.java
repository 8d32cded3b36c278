package dev.ringstore.testhosts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A line echo server for {@link TestNetworkIT}: {@code EchoServer PORT}, runs until killed. */
public final class EchoServer {
  private EchoServer() {}

  public static void main(String[] args) throws IOException {
    try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]))) {
      System.out.println("listening on " + server.getLocalSocketAddress());
      System.out.flush();
      while (true) {
        Socket socket = server.accept();
        new Thread(() -> echo(socket)).start();
      }
    }
  }

  private static void echo(Socket socket) {
    try (socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
      }
    } catch (IOException e) {
      System.out.println("connection ended: " + e);
    }
  }
}
