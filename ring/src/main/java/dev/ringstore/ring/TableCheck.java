package dev.ringstore.ring;

import dev.ringstore.common.NodeId;
import java.util.List;

/** Checks a table read from outside (binary or JSON) before anyone routes by it. */
final class TableCheck {
  private TableCheck() {}

  /**
   * A member's id as read from a table. A malformed one makes the table invalid: callers catch
   * {@link InvalidRingException}, which a bare {@link NodeId#of} failure would slip past.
   */
  static NodeId memberId(String id) {
    try {
      return NodeId.of(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidRingException("table member: " + e.getMessage());
    }
  }

  /**
   * A table of the given parts, after checking that the members are valid and sorted, and that
   * every list names 1 to min(N, S) distinct members.
   */
  static BucketTable checked(
      long version, RingSettings settings, List<Member> members, int[][] lists) {
    List<Member> sorted = MemberList.validated(members);
    if (!sorted.equals(members)) {
      throw new InvalidRingException("table members are not sorted by id");
    }
    if (lists.length != settings.buckets()) {
      throw new InvalidRingException(
          "table has " + lists.length + " lists for " + settings.buckets() + " buckets");
    }
    int maxSize = Math.min(settings.replicas(), members.size());
    for (int b = 0; b < lists.length; b++) {
      int[] list = lists[b];
      if (list.length < 1 || list.length > maxSize) {
        throw new InvalidRingException(
            "bucket " + b + " has " + list.length + " replicas; expected 1 to " + maxSize);
      }
      for (int i = 0; i < list.length; i++) {
        if (list[i] < 0 || list[i] >= members.size()) {
          throw new InvalidRingException("bucket " + b + " names an unknown node");
        }
        for (int j = 0; j < i; j++) {
          if (list[j] == list[i]) {
            throw new InvalidRingException(
                "bucket " + b + " lists " + members.get(list[i]).id() + " twice");
          }
        }
      }
    }
    return new BucketTable(version, settings, members, lists);
  }
}
