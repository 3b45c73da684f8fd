package org.huzhu.notification;

/** The message can never be delivered as it is (an invalid number, no template): it is not tried again. */
public class DeliveryRefused extends RuntimeException {

    public DeliveryRefused(String reason) {
        super(reason);
    }
}
