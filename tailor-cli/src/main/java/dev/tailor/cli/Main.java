// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

/** Entry point of the tailor command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("tailor");
    }
}
