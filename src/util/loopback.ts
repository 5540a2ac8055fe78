/** Whether a host name or address stays on this machine: traffic to it never reaches the network. */

/** localhost (and *.localhost), 127.0.0.0/8, ::1 and ::ffff:127.x; brackets around an IPv6 address are allowed. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare) || /^::ffff:127\./.test(bare);
}
