package dev.ringstore.gossip;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans membership events out to every registered listener; one that throws does not stop gossip.
 */
final class ListenerList implements MembershipListener {
  private static final Logger log = LoggerFactory.getLogger(ListenerList.class);

  private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();

  void add(MembershipListener listener) {
    listeners.add(listener);
  }

  void remove(MembershipListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void onJoined(MemberView member) {
    fire(member, MembershipListener::onJoined);
  }

  @Override
  public void onUp(MemberView member) {
    fire(member, MembershipListener::onUp);
  }

  @Override
  public void onDown(MemberView member) {
    fire(member, MembershipListener::onDown);
  }

  @Override
  public void onRestarted(MemberView member) {
    fire(member, MembershipListener::onRestarted);
  }

  @Override
  public void onChanged(MemberView member) {
    fire(member, MembershipListener::onChanged);
  }

  @Override
  public void onForgotten(MemberView member) {
    fire(member, MembershipListener::onForgotten);
  }

  private void fire(MemberView member, BiConsumer<MembershipListener, MemberView> event) {
    for (MembershipListener listener : listeners) {
      try {
        event.accept(listener, member);
      } catch (RuntimeException e) {
        log.warn("membership listener {} failed on {}", listener, member.id(), e);
      }
    }
  }
}
