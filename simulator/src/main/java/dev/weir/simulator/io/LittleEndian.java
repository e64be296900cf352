package dev.weir.simulator.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian integer access on byte arrays without per-call allocation. */
public final class LittleEndian {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private LittleEndian() {}

  public static int u16(byte[] b, int at) {
    return (short) SHORT.get(b, at) & 0xFFFF;
  }

  public static long u32(byte[] b, int at) {
    return (int) INT.get(b, at) & 0xFFFF_FFFFL;
  }

  public static long u64(byte[] b, int at) {
    return (long) LONG.get(b, at);
  }

  public static void putU16(byte[] b, int at, int v) {
    SHORT.set(b, at, (short) v);
  }

  public static void putU32(byte[] b, int at, long v) {
    INT.set(b, at, (int) v);
  }

  public static void putU64(byte[] b, int at, long v) {
    LONG.set(b, at, v);
  }
}
