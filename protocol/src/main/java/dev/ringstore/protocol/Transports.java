package dev.ringstore.protocol;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * Netty's native epoll transport on Linux, NIO elsewhere (or with {@code -Dringstore.nio=true}).
 * Epoll saves the JDK selector's bookkeeping and garbage on every wake-up; on loopback, where a
 * request is mostly syscalls and wake-ups, that was a tenth of the event loops' CPU. Channels must
 * match their group's transport, so both come from here.
 */
public final class Transports {
  private static final boolean EPOLL = !Boolean.getBoolean("ringstore.nio") && Epoll.isAvailable();

  private Transports() {}

  /** An event-loop group of the best transport available. */
  public static EventLoopGroup group(int threads, ThreadFactory factory) {
    return EPOLL
        ? new EpollEventLoopGroup(threads, factory)
        : new NioEventLoopGroup(threads, factory);
  }

  static Class<? extends ServerChannel> serverChannel(EventLoopGroup group) {
    return group instanceof EpollEventLoopGroup
        ? EpollServerSocketChannel.class
        : NioServerSocketChannel.class;
  }

  static Class<? extends SocketChannel> channel(EventLoopGroup group) {
    return group instanceof EpollEventLoopGroup ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  /** Which transport new groups use: "epoll" or "nio". */
  public static String name() {
    return EPOLL ? "epoll" : "nio";
  }
}
