package io.github.sitegen.cli;

public final class Main {
  public static void main(String[] args) {}
}
