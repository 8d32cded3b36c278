package dev.ringstore.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How samples are read, attributed to stages and drawn. */
class StageTest {
  @TempDir Path dir;

  private static List<String> stack(String frames) {
    return List.of(frames.split(";"));
  }

  @Test
  void theFrameNearestTheLeafDecidesTheStage() {
    assertThat(
            Stage.of(
                stack(
                    "[ringstore-io-n#-#-#];io/netty/channel/epoll/EpollEventLoop.run;"
                        + "dev/ringstore/protocol/RequestDispatcher.write;tcp_sendmsg_[k]")))
        .isEqualTo(Stage.NETWORK);
    assertThat(
            Stage.of(
                stack(
                    "[ringstore-storage-writer-n#];dev/ringstore/node/storage/DataWrites.commit;"
                        + "org/rocksdb/RocksDB.write0;rocksdb::DBImpl::WriteImpl")))
        .isEqualTo(Stage.STORAGE);
    assertThat(
            Stage.of(
                stack(
                    "[ringstore-io-n#-#-#];dev/ringstore/node/coordinator/ReadReplies.replied;"
                        + "dev/ringstore/common/versioning/DottedVersionVectorSet.sync")))
        .isEqualTo(Stage.VERSIONING);
    assertThat(Stage.of(stack("[C# CompilerThre];Compile::Optimize"))).isEqualTo(Stage.JIT);
    assertThat(Stage.of(stack("[GC Thread#];G1ParTask::work"))).isEqualTo(Stage.GC);
    assertThat(Stage.of(stack("[some thread];mystery"))).isEqualTo(Stage.OTHER);
  }

  @Test
  void processesMergeByThreadRoleAndLambdasLoseTheirAddresses() throws Exception {
    Files.writeString(
        dir.resolve("01-a-100.collapsed"),
        "[ringstore-io-n1-1-1 tid=4242];a/B$$Lambda$401.0x00007f70303622e8.run;leaf 3\n");
    Files.writeString(
        dir.resolve("01-a-200.collapsed"),
        "[ringstore-io-n2-1-1 tid=77];a/B$$Lambda$399.0x00007fcea0367618.run;leaf 4\n");
    CollapsedStacks stacks =
        CollapsedStacks.read(
            List.of(dir.resolve("01-a-100.collapsed"), dir.resolve("01-a-200.collapsed")));

    assertThat(stacks.total()).isEqualTo(7);
    assertThat(stacks.stacks())
        .extracting(CollapsedStacks.Stack::frames)
        .containsOnly(List.of("[ringstore-io-n#-#-#]", "a/B$$Lambda.run", "leaf"));
    assertThat(ProfileReport.run("01-ringstore-fsync-a-64t-1234.collapsed"))
        .isEqualTo("01-ringstore-fsync-a-64t");
  }

  @Test
  void theFlameGraphIsOneSvgWithEveryWideFrameAndItsShare() throws Exception {
    Files.writeString(dir.resolve("x.collapsed"), "[t];main;<work> & more 30\n[t];main;other 10\n");
    CollapsedStacks stacks = CollapsedStacks.read(List.of(dir.resolve("x.collapsed")));

    String svg = FlameGraphSvg.render(stacks, "title <1>");

    assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
    assertThat(svg).contains("title &lt;1&gt;");
    assertThat(svg).contains("&lt;work&gt; &amp; more (30 samples, 75.00%)");
    assertThat(svg).contains("other (10 samples, 25.00%)");
    assertThat(new StageBreakdown(stacks).markdown(40)).contains("| **all** | 100% | 1.000 |");
  }
}
