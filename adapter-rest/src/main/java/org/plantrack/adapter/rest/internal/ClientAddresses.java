package org.plantrack.adapter.rest.internal;

import io.javalin.http.Context;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Enumeration;
import java.util.regex.Pattern;

/**
 * The client a request comes from, as a key for per-client limits: the remote address Jetty sees (an IPv4
 * address, or the /64 network of an IPv6 address, since one IPv6 host usually holds a whole /64). With
 * {@code trustForwardedFor} it is the last address of the last {@code X-Forwarded-For} header instead (the
 * one the reverse proxy in front of the server added); a client can put anything before it.
 */
public final class ClientAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?\\]?"
            + "(:\\d{1,5})?");

    private ClientAddresses() {
    }

    /** The key of the client of {@code ctx}. */
    public static String of(Context ctx, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String last = null;
            Enumeration<String> all = ctx.req().getHeaders("X-Forwarded-For");
            while (all != null && all.hasMoreElements()) {
                last = all.nextElement();
            }
            if (last != null) {
                String[] hops = last.split(",");
                String key = keyOf(hops[hops.length - 1]);
                if (key != null) {
                    return key;
                }
            }
        }
        String remote = ctx.req().getRemoteAddr();
        String key = keyOf(remote);
        return key != null ? key : Logs.clean(remote);
    }

    /**
     * The key of an address literal ({@code 192.0.2.7}, {@code 2001:db8::1}, {@code [2001:db8::1]:443}), or
     * {@code null} when {@code s} is not one. Never resolves a name.
     */
    public static String keyOf(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.isEmpty() || t.length() > 100) {
            return null;
        }
        InetAddress a;
        try {
            if (IPV4.matcher(t).matches()) {
                int colon = t.indexOf(':');
                String host = colon < 0 ? t : t.substring(0, colon);
                for (String part : host.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return null;
                    }
                }
                a = InetAddress.getByName(host);
            } else if (IPV6.matcher(t).matches()) {
                String host = t;
                if (host.startsWith("[")) {
                    int end = host.indexOf(']');
                    if (end < 0) {
                        return null;
                    }
                    host = host.substring(1, end);
                } else if (host.endsWith("]")) {
                    return null;
                }
                int zone = host.indexOf('%');
                if (zone >= 0) {
                    host = host.substring(0, zone);
                }
                // brackets make InetAddress parse an IPv6 literal or fail; it never looks the text up
                a = InetAddress.getByName("[" + host + "]");
            } else {
                return null;
            }
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return sb.append(":/64").toString();
    }
}
