import type { Messages } from './ja';

export const en: Messages = {
  product: {
    name: '守り',
    latin: 'mamori',
    subtitle: 'Cybersecurity for medical institutions',
  },
  skipLink: 'Skip to main content',
  nav: {
    label: 'Main menu',
    home: 'Home',
    catalog: 'Checklist',
    assessments: 'Self-assessment',
    inventory: 'Inventory',
    inspections: 'Inspections',
    statistics: 'Statistics',
  },
  language: {
    label: 'Language',
  },
  home: {
    title: 'Cybersecurity for medical institutions, from the yearly checklist to the on-site inspection',
    lead:
      "mamori turns the MHLW cybersecurity checklist for medical institutions from a paper or Excel form into a living system. Everyone sees what to do first, what has been done and which devices are exposed, and the same records serve the prefecture's inspection and the national survey.",
    audienceHeading: 'What it does for each user',
    clinicTitle: 'Clinics and pharmacies',
    clinicBody:
      'Work through the checklist one item at a time with plain explanations, even without IT staff, and print the checklist for the inspection.',
    hospitalTitle: 'Hospitals',
    hospitalBody:
      'Keep answers, target dates, evidence and history for the full checklist, and match the device ledger against known vulnerabilities to see which devices are exposed.',
    vendorTitle: 'System vendors',
    vendorBody:
      'Receive checklist requests from many institutions in one place, answer once per product and share the answer, and submit MDS/SDS.',
    inspectorTitle: 'Prefecture and health-centre inspectors',
    inspectorBody:
      'Review the institutions in your jurisdiction before the visit, record the inspection, and track findings, improvement requests, due dates and follow-up.',
    ministryTitle: 'Ministry of Health, Labour and Welfare',
    ministryBody:
      'See national and prefectural figures by item, facility type, bed band and year, with small cells suppressed for publication.',
    statusNote: 'Capabilities are released step by step. Screens not yet released say "Coming soon".',
  },
  comingSoon: {
    badge: 'Coming soon',
    body: 'This screen is not available yet. Once released, it will let you do the following.',
    backHome: 'Back to home',
    catalog:
      'Browse every edition of the checklist (2023, 2024, 2025) and each form: items with official numbering and wording, plain explanations, accepted evidence and references to Guideline 6.0.',
    assessments:
      'Answer the checklist with Yes, No or Not applicable, and record confirmation and target dates, evidence and history, in a one-item-at-a-time wizard or a table.',
    inventory:
      'Keep a ledger of servers, PCs, network devices, medical devices and external connection points, matched against known exploited vulnerabilities (KEV, NVD, JVN).',
    inspections:
      'Prefectures and health centres review the institutions in their jurisdiction, record on-site inspections, and track findings, improvement requests, due dates and follow-up.',
    statistics:
      'Figures and trends by item, year, prefecture, facility type and bed band, exported as CSV or Excel, with small cells suppressed.',
  },
  notFound: {
    title: 'Page not found',
    body: 'The page you are looking for does not exist or may have moved. Please check the address.',
    backHome: 'Back to home',
  },
  footer: {
    version: 'Version',
  },
};
