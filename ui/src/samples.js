// Sample entries for the single-log view, in the formats of the training data.

export const SAMPLES = [
  {
    id: 'sqli',
    label: 'SQL injection',
    log: '91.108.4.20 - - [16/Mar/2025:01:05:33] "GET /profile?id=1 OR 1=1-- HTTP/1.1" 403 12466 "-" "burpsuite"',
  },
  {
    id: 'ssh',
    label: 'SSH brute force',
    log: [
      ...Array.from({ length: 6 }, (_, i) =>
        `Mar 15 01:05:3${i} server sshd[1234]: Failed password for root from 203.0.113.9 port 22 ssh2`),
      'Mar 15 01:05:37 server sshd[1234]: Accepted password for root from 203.0.113.9 port 22 ssh2',
    ].join('\n'),
  },
  {
    id: 'win4698',
    label: 'Windows 4698',
    log: [
      'EventID: 4698',
      'Timestamp: 18-Mar-2025:09:00:01',
      'Source IP: 123.45.67.89',
      'User: SYSTEM',
      'Description: Scheduled Task Created',
      'Additional: Workstation DC-01',
    ].join('\n'),
  },
  {
    id: 'normal',
    label: 'Normal traffic',
    log: '10.0.0.21 - - [18/Mar/2025:16:22:58] "GET / HTTP/1.1" 200 1366 "-" "Mozilla/5.0 (iPhone)"',
  },
  {
    id: 'xss',
    label: 'XSS attempt',
    log: '192.168.10.25 - - [16/Mar/2025:01:05:33] "GET /search?q=<img src=x onerror=alert(1)> HTTP/1.1" 403 0 "-" "Mozilla/5.0"',
  },
];
