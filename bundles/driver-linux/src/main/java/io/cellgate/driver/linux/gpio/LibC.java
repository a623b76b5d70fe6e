package io.cellgate.driver.linux.gpio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;

/** The three C library calls the GPIO character device needs; errors come back as errno. */
interface LibC extends Library {

    int O_RDWR = 0x2;
    /** Same value on x86, ARM, arm64 and RISC-V. */
    int O_CLOEXEC = 0x80000;

    int open(String path, int flags) throws LastErrorException;

    /** {@code request} is C's unsigned long: build it with {@code new NativeLong(n, true)}. */
    int ioctl(int fd, NativeLong request, Structure argument) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
