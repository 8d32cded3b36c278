package dev.ringstore.examples;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ringstore.client.ConflictResolver;
import dev.ringstore.client.GetResult;
import dev.ringstore.client.JsonCodec;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.client.Store;
import dev.ringstore.client.WriteOptions;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * A shopping cart, Dynamo's own example: four devices of one customer add items to the same cart at
 * the same time; the cart is a set, so concurrent writes merge by union and no item is lost. Then
 * an order id is claimed with putIfAbsent, which a second claim cannot take.
 *
 * <pre>
 * bin/ringstore local --nodes 3 &amp;
 * java -cp examples/target/classes:cli/target/ringstore.jar dev.ringstore.examples.CartExample \
 *     127.0.0.1:7801,127.0.0.1:7802,127.0.0.1:7803
 * </pre>
 *
 * The argument is the config service's client addresses ({@code ringstore local} starts it on
 * 7801-7803); node addresses work too, as seeds.
 */
public final class CartExample {
  private static final TypeReference<Set<String>> ITEMS = new TypeReference<>() {};

  private CartExample() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: CartExample HOST:PORT[,HOST:PORT...] (config service or nodes)");
      System.exit(2);
    }
    try (RingstoreClient client =
        RingstoreClient.builder().configService(args[0]).seeds(args[0]).build()) {
      run(client, "cart:" + System.currentTimeMillis(), System.out);
    } catch (RingstoreException e) {
      System.err.println("CartExample: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Fills a cart from four devices at once and claims an order id; returns the final cart. */
  public static Set<String> run(RingstoreClient client, String cartKey, PrintStream out) {
    Store<Set<String>> carts = client.store(JsonCodec.of(ITEMS));
    List<CompletableFuture<Void>> devices =
        IntStream.range(0, 4)
            .mapToObj(
                device ->
                    CompletableFuture.runAsync(
                        () -> {
                          for (int item = 0; item < 5; item++) {
                            String added = "device" + device + "-item" + item;
                            carts.sync().update(cartKey, ConflictResolver.union(), add(added));
                          }
                        }))
            .toList();
    devices.forEach(CompletableFuture::join);

    GetResult<Set<String>> read = carts.sync().get(cartKey);
    Set<String> cart = new TreeSet<>(read.resolve(ConflictResolver.union()).orElseThrow());
    out.println(cartKey + " holds " + cart.size() + " items: " + cart);

    String orderKey = "order-of:" + cartKey;
    client.strings().sync().putIfAbsent(orderKey, "order-1", WriteOptions.defaults());
    try {
      client.strings().sync().putIfAbsent(orderKey, "order-2", WriteOptions.defaults());
      out.println("unexpected: a second claim of " + orderKey + " succeeded");
    } catch (RingstoreException e) {
      if (e.code() != ErrorCode.CONDITION_FAILED) {
        throw e;
      }
      out.println(orderKey + " was claimed once; the second claim got " + e.code());
    }
    out.println("routed by bucket table v" + client.tableVersion());
    return cart;
  }

  private static java.util.function.Function<java.util.Optional<Set<String>>, Set<String>> add(
      String item) {
    return cart -> {
      Set<String> next = new HashSet<>(cart.orElse(Set.of()));
      next.add(item);
      return next;
    };
  }
}
