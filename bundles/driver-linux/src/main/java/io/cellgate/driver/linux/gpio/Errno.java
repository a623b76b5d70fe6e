package io.cellgate.driver.linux.gpio;

import com.sun.jna.LastErrorException;

/** errno numbers an operator may meet here, named as in errno(3); Linux values, the same on every architecture. */
final class Errno {

    private Errno() {
    }

    static String describe(LastErrorException e) {
        int code = e.getErrorCode();
        String name = switch (code) {
            case 1 -> "EPERM, not permitted";
            case 2 -> "ENOENT, no such file";
            case 5 -> "EIO, I/O error";
            case 13 -> "EACCES, permission denied";
            case 16 -> "EBUSY, a line is held by another consumer";
            case 19 -> "ENODEV, the device is gone";
            case 22 -> "EINVAL, the kernel refused the request";
            case 25 -> "ENOTTY, not a GPIO character device";
            default -> "errno " + code;
        };
        return name + " (" + code + ")";
    }
}
