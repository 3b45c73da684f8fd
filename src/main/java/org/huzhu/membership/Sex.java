package org.huzhu.membership;

public enum Sex {
    M, F
}
