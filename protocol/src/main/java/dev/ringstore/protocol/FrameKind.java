package dev.ringstore.protocol;

/** What a frame's body holds: the second byte of every frame. */
public enum FrameKind {
  /** The body is a {@code ringstore.v1.Request}. */
  REQUEST((byte) 1),
  /** The body is a {@code ringstore.v1.Response}. */
  RESPONSE((byte) 2);

  private final byte wireValue;

  FrameKind(byte wireValue) {
    this.wireValue = wireValue;
  }

  /** The byte written on the wire. */
  public byte wireValue() {
    return wireValue;
  }

  /** The kind with this wire byte, or {@code null} if no kind has it. */
  static FrameKind fromWire(byte value) {
    for (FrameKind kind : values()) {
      if (kind.wireValue == value) {
        return kind;
      }
    }
    return null;
  }
}
