"""The gold sets `policykg evaluate` scores by default, and the record of each held-out set:
from which commit it was built, and whether and from when it was tuned on.

Separate because it grows by one entry and one comment line with every held-out set, and
the held-out tests read it (tests/evaluation/test_heldout_sets.py) without the CLI."""

from __future__ import annotations

# The gold sets scored when `policykg evaluate` is given none, each reported separately:
# the seeds' gold, the real held-out documents (heldout_fresh: built after heldout_real had
# been worked on; heldout_third: built after both had; heldout_fourth: built after all three had;
# heldout_fifth: built after all four had; heldout_sixth: built after all five had, tuned on
# from 817d845; heldout_seventh: built beside the sixth, tuned on from e6131c9; heldout_eighth:
# built from e6131c9 while the seventh was tuned on, tuned on from 5d79040; heldout_ninth:
# built from 320a493 beside the eighth, tuned on from 54158b4; heldout_tenth: built from
# 54158b4 beside the ninth, tuned on from 683fc07; heldout_eleventh: built from 6c73849 beside the
# tenth, tuned on from d770816; heldout_twelfth: built from 683fc07 beside the tenth, genre
# patterns its failure classes name worked on in stop 24, tuned on from c51e8a1; heldout_thirteenth:
# built from 5d3ecc8 beside the twelfth, tuned on from 80e1672; heldout_fourteenth: built from 80e1672 beside
# the thirteenth, untouched until e48b807, its failure classes (not its documents) read from then;
# heldout_fifteenth: built from 33c3a82 beside the fourteenth, untouched until a570a71, its failure classes (not its documents) read from 78e22eb;
# heldout_sixteenth: built from 05d4d7b, four reprints, tuned on from cf7044d;
# heldout_seventeenth: built from 05d4d7b beside the sixteenth, 13 documents (3 formal), tuned on from c1497bd;
# heldout_eighteenth: built by the integrator at a2491d0, tuned on from 559d30e;
# heldout_nineteenth: built by a helper from cf7044d, 13 documents (4 formal), tuned on from f6f5ea4;
# heldout_twentyfirst: annotated by the integrator at 97cc876, 9 documents (4 formal), tuned on from a5a87ce;
# heldout_twentysecond: built by a helper from b8f3870, 9 documents (7 formal), tuned on from 184764b;
# heldout_twentythird: annotated by the integrator at b02daa6, 7 reprints, tuned on from 54ee114;
# heldout_twentyfourth: built by a helper from f157ebc, 10 documents (1 formal), untouched until 677b111, tuned on from e0c01f3;
# heldout_twentyfifth: built by a helper from 3dc2e65, 11 documents (4 formal), tuned on from 50430b7;
# heldout_twentysixth: built by a helper from 3dc2e65, 12 documents (5 formal), tuned on from 50430b7;
# heldout_twentyseventh: built by a helper from 7445387, 13 documents (5 formal), untouched until 7864a62, tuned on from 100c662;
# heldout_twentyeighth: built by a helper from 7445387, 16 documents (6 formal), untouched until 7864a62, tuned on from b748467;
# heldout_twentyninth: built by a helper from eea8a02, 11 documents (4 formal), untouched until f8c82f0, tuned on from b6c5e50;
# heldout_thirtieth: built by a helper from f8c82f0, 10 documents (2 formal), untouched until b6c5e50, tuned on from 5b93982;
# heldout_thirtyfirst: built by a helper from f8c82f0, 16 documents (8 formal), untouched until a7e2a6a, tuned on from dc51632;
# heldout_thirtysecond: built by a helper from f8c82f0, 13 documents (3 formal), untouched until ac7597c, tuned on from 5eb35a2;
# heldout_thirtythird: built by a helper from b6c5e50, 9 documents (2 formal), untouched until 72f3594 and tuned on from 5f952b1;
# heldout_thirtyfourth: built by a helper from b6c5e50, 15 documents (3 formal), untouched until bf83417, tuned on from 9b10bf0;
# heldout_thirtyfifth: built by a helper from dc51632, 8 documents (2 formal), untouched until 72f3594 and tuned on from 5f952b1;
# heldout_thirtysixth: built by a helper from dc51632, 9 documents (3 formal), untouched until 72f3594 and tuned on from 5f952b1;
# heldout_thirtyseventh: built by a helper from ac7597c, 8 documents (4 formal), untouched until 72f3594 and tuned on from 5f952b1;
# heldout_thirtyninth: built by a helper from 72f3594, 20 documents (9 formal), untouched until 5f952b1 (identical to its baseline) and tuned on from 18495e4;
# heldout_fortieth: built by a helper from 72f3594, 10 documents (7 formal), untouched until 5f952b1 (identical to its baseline) and tuned on from 18495e4;
# heldout_fortyfirst: built by a helper from 1ffbde4, 16 documents (7 formal), untouched until 18495e4 (identical to its baseline) and tuned on from e741613;
# heldout_fortysecond: built by a helper from 1ffbde4, 16 documents (2 formal), untouched until 18495e4 (overall 0.585 → 0.595, responsibility and targets identical) and tuned on from 91a2e7b;
# heldout_fortythird: built by a helper from 8f45ac3, 12 documents (7 formal), untouched until 53fa3f0 and tuned on from 0183f01;
# heldout_fortyfourth: built by a helper from 8f45ac3, 14 documents (8 formal), untouched until 53fa3f0 and tuned on from 0183f01;
# heldout_fortyfifth: built by a helper from 9ddb707, 15 documents (8 formal), untouched until aa6bf2f and tuned on from c2add85;
# heldout_fortysixth: built by a helper from 9ddb707, 11 documents (6 formal), untouched until 48a6f55 (identical to its baseline at aa6bf2f, c2add85 and 48a6f55) and tuned on from 8dc6990;
# heldout_fortyseventh: built by a helper from e1127a6, 13 documents (1 formal), untouched until 8f36b44 (identical to its baseline at 48a6f55, 8c4d86d, 2bfa4e7, 35f3281 and fa1fa3b), its target failures read in stop 41, so tuned on from 8f36b44 (0.783 at cb0b163);
# heldout_fortyeighth: built by a helper from e1127a6, 9 documents (1 formal), untouched until 48a6f55 (identical to its baseline) and tuned on from 8dc6990;
# heldout_fortyninth: built by a helper from 021083b, 11 documents (2 formal), untouched until 7db8a5a (identical), tuned on from b3f6800;
# heldout_fiftieth: built by a helper from 021083b, 14 documents (6 formal), untouched until 17823f2 (identical to its baseline), tuned on from 17823f2;
# heldout_fiftyfirst: built by a helper from 48a6f55, 13 documents (0 formal), untouched until e957156 (identical to its baseline at 8c4d86d, 2bfa4e7, 35f3281 and c8ca2e5; 0.834 at fa1fa3b and cb0b163, one more spurious pair), tuned on from e957156;
# heldout_fiftysecond: built by a helper from 48a6f55, 15 documents (5 formal), untouched until 7db8a5a (identical), tuned on from b3f6800;
# heldout_fiftythird: built by a helper from 7db8a5a, 12 documents (4 formal), untouched until 17823f2 (identical to its baseline), tuned on from 17823f2;
# heldout_fiftyfourth: built by a helper from 7db8a5a, 15 documents (4 formal), untouched until 330156a (identical), tuned on from 1aa50fa;
# heldout_fiftyfifth: built by a helper from 7db8a5a, 12 documents (3 formal), untouched until 330156a (identical), tuned on from ba24bf6;
# heldout_fiftysixth: built by a helper from 330156a, 10 documents (1 formal), untouched until 17823f2 (identical to its baseline), tuned on from 17823f2;
# heldout_fiftyseventh: built by a helper from 330156a, 15 documents (1 formal), untouched until e957156 (identical to its baseline at 2bfa4e7, 35f3281, fa1fa3b and cb0b163), tuned on from e957156;
# heldout_fiftyninth: built by a helper from 17823f2, 14 documents (1 formal), untouched until b551609 (identical to its baseline), tuned on from b551609;
# heldout_sixtieth: built by a helper from 17823f2, 14 documents (1 formal), untouched until b551609 (identical to its baseline), tuned on from b551609;
# heldout_fiftyeighth: built by a helper from 17823f2, 15 documents (6 formal), untouched until b551609 (identical to its baseline), tuned on from b551609;
# heldout_sixtyfirst: built by a helper from b551609, 15 documents (7 formal), untouched until c8ca2e5 (identical to its baseline at 35f3281 and c8ca2e5), tuned on from c8ca2e5;
# heldout_sixtysecond: built by a helper from b551609, 15 documents (2 formal), untouched until c8ca2e5 (identical to its baseline at 35f3281 and c8ca2e5), tuned on from c8ca2e5;
# heldout_sixtythird: built by a helper from b551609, 13 documents (4 formal), untouched until c8ca2e5 (identical to its baseline at 35f3281 and c8ca2e5), tuned on from c8ca2e5;
# heldout_sixtyfourth: built by a helper from c8ca2e5, 15 documents (0 formal), untouched until e957156 (0.931 → 0.937 at fa1fa3b and cb0b163), tuned on from e957156;
# heldout_sixtyfifth: built by a helper from c8ca2e5, 15 documents (2 formal), untouched until fb664e0 (identical to its baseline), tuned on from fb664e0;
# heldout_sixtysixth: built by a helper from c8ca2e5, 15 documents (3 formal), untouched until e957156 (identical to its baseline at fa1fa3b; 0.887 at cb0b163, one more target found), tuned on from e957156;
# heldout_sixtyseventh: built by a helper from 8f36b44, 14 documents (2 formal), untouched until e957156 (its baseline), tuned on from e957156;
# heldout_sixtyeighth: built by a helper from 8f36b44, 15 documents (4 formal), untouched until e957156 (its baseline), tuned on from e957156;
# heldout_seventieth: built by a helper from 18560ba, 10 documents (2 formal), untouched until e957156 (its baseline), tuned on from e957156;
# heldout_sixtyninth: built by a helper from 18560ba, 15 documents (3 formal), untouched until e957156 (its baseline), tuned on from e957156;
# heldout_seventyfirst: built by a helper from e957156, 11 documents (3 formal), untouched until 8b129ab (identical to its baseline at c1b81d7 and 8b129ab), tuned on from 8b129ab;
# heldout_seventysecond: built by a helper from e957156, 13 documents (10 formal), untouched until 8b129ab (identical to its baseline at c1b81d7 and 8b129ab), tuned on from 8b129ab;
# heldout_seventythird: built by a helper from e957156, 14 documents (0 formal), untouched until 8b129ab (identical to its baseline at c1b81d7 and 8b129ab), tuned on from 8b129ab;
# heldout_seventyfourth: built by a helper from 8b129ab, 14 documents (3 formal), untouched until fde77c3 (0.815 → 0.832 at 50159a0 and fde77c3), tuned on from fde77c3;
# heldout_seventyfifth: built by a helper from 8b129ab, 12 documents (1 formal), untouched until fde77c3 (identical to its baseline at 50159a0 and fde77c3), tuned on from fde77c3;
# heldout_seventysixth: built by a helper from 8b129ab, 15 documents (5 formal), untouched until fde77c3 (identical to its baseline at 50159a0 and fde77c3), tuned on from fde77c3;
# heldout_seventyseventh: built by a helper from a3094f0, 10 documents (5 formal), untouched until fde77c3 (identical to its baseline at 50159a0 and fde77c3), tuned on from fde77c3;
# heldout_seventyeighth: built by a helper from a3094f0, 13 documents (9 formal), untouched until fde77c3 (identical to its baseline at 50159a0 and fde77c3), tuned on from fde77c3;
# heldout_seventyninth: built by a helper from fde77c3, 14 documents (4 formal), untouched until 45767b5 (identical to its baseline at fde77c3 and 45767b5), tuned on from 45767b5;
# heldout_eightieth: built by a helper from fde77c3, 14 documents (1 formal), untouched until 45767b5 (identical to its baseline at fde77c3 and 45767b5), tuned on from 45767b5;
# heldout_eightyfirst: built by a helper from fde77c3, 13 documents (6 formal), untouched until 45767b5 (identical to its baseline at fde77c3 and 45767b5), tuned on from 45767b5;
# heldout_eightysecond: built by a helper from fde77c3, 14 documents (4 formal), untouched until 45767b5 (identical to its baseline at fde77c3 and 45767b5), tuned on from 45767b5;
# heldout_eightythird: built by a helper from fde77c3, 14 documents (2 formal), untouched until 45767b5 (identical to its baseline at fde77c3 and 45767b5), tuned on from 45767b5;
# heldout_eightyfourth: built by a helper from 33aea0b, 15 documents (7 formal), untouched until 6063a45 (identical to its baseline at 33aea0b and 6063a45), tuned on from 6063a45;
# heldout_eightyfifth: built by a helper from 33aea0b, 12 documents (1 formal), untouched until 6063a45 (identical to its baseline at 33aea0b and 6063a45), tuned on from 6063a45;
# heldout_eightysixth: built by a helper from 33aea0b, 15 documents (1 formal), untouched until 6063a45 (identical to its baseline at 33aea0b and 6063a45), tuned on from 6063a45;
# heldout_eightyseventh: built by a helper from 33aea0b, 15 documents (4 formal), untouched until 6063a45 (identical to its baseline at 33aea0b and 6063a45), tuned on from 6063a45;
# heldout_eightyeighth: built by a helper from 6063a45, 15 documents (3 formal), untouched until a6c6d8f (identical to its baseline at 6063a45, 0788634 and a6c6d8f), tuned on from a6c6d8f;
# heldout_eightyninth: built by a helper from 6063a45, 9 documents (3 formal), untouched until a6c6d8f (identical to its baseline at 6063a45, 0788634 and a6c6d8f), tuned on from a6c6d8f;
# heldout_ninetieth: built by a helper from 6063a45, 15 documents (5 formal), untouched until a6c6d8f (identical to its baseline at 6063a45, 0788634 and a6c6d8f), tuned on from a6c6d8f;
# heldout_ninetyfirst: built by a helper from 6063a45, 11 documents (7 formal), untouched until a6c6d8f (identical to its baseline at 6063a45, 0788634 and a6c6d8f), tuned on from a6c6d8f;
# heldout_ninetythird: built by a helper from 7f92e3a, 14 documents (2 formal), untouched until a6c6d8f (at 0788634 and a6c6d8f responsibility 24/6/15 → 24/5/15 from rules other sets gave), tuned on from a6c6d8f;
# heldout_ninetyfourth: built by a helper from 7f92e3a, 14 documents (3 formal), untouched until a6c6d8f (identical to its baseline at 7f92e3a, 0788634 and a6c6d8f), tuned on from a6c6d8f;
# heldout_ninetysecond: built by a helper from 7f92e3a, 12 documents (8 formal), untouched until a6c6d8f (identical to its baseline at 7f92e3a, 0788634 and a6c6d8f), tuned on from a6c6d8f;
# heldout_ninetyfifth: built by a helper from 7f92e3a, 12 documents (8 formal), untouched until a6c6d8f (at 0788634 and a6c6d8f responsibility 15/16/25 → 17/14/23 from rules other sets gave), tuned on from a6c6d8f;
# heldout_ninetysixth: built by a helper from a6c6d8f, 11 documents (2 formal), untouched until 023409f (identical to its baseline at a6c6d8f, a4f7966 and 023409f), tuned on from 023409f;
# heldout_ninetyseventh: built by a helper from a6c6d8f, 9 documents (2 formal), untouched until 023409f (identical to its baseline at a6c6d8f, a4f7966 and 023409f), tuned on from 023409f;
# heldout_ninetyeighth: built by a helper from a6c6d8f, 13 documents (3 formal), untouched until 023409f (identical to its baseline at a6c6d8f, a4f7966 and 023409f), tuned on from 023409f;
# heldout_ninetyninth: built by a helper from a6c6d8f, 12 documents (2 formal), untouched until 023409f (identical to its baseline at a6c6d8f, a4f7966 and 023409f), tuned on from 023409f;
# heldout_hundredth: built by a helper from a6c6d8f, 10 documents (4 formal), untouched until 023409f (identical to its baseline at a6c6d8f, a4f7966 and 023409f), tuned on from 023409f;
# heldout_hundredfirst: built by a helper from a6c6d8f, 12 documents (3 formal), untouched until 023409f (identical to its baseline at a6c6d8f, a4f7966 and 023409f), tuned on from 023409f;
# heldout_hundredsecond: built by a helper from a6c6d8f, 12 documents (0 formal), untouched until 023409f (identical to its baseline at a6c6d8f, a4f7966 and 023409f), tuned on from 023409f;
# heldout_hundredthird: built by a helper from a6c6d8f, 12 documents (5 formal), untouched until 023409f (identical to its baseline at a6c6d8f, a4f7966 and 023409f), tuned on from 023409f;
# heldout_hundredfourth: built by a helper from 023409f, 15 documents (7 formal), untouched until c2490c8 (measured at b8d7a2d and c2490c8, summary only), tuned on from c2490c8;
# heldout_hundredfifth: built by a helper from 023409f, 13 documents (1 formal), untouched until c2490c8 (measured at b8d7a2d and c2490c8, summary only), tuned on from c2490c8;
# heldout_hundredsixth: built by a helper from 023409f, 13 documents (3 formal), untouched until c2490c8 (measured at b8d7a2d and c2490c8, summary only), tuned on from c2490c8;
# heldout_hundredseventh: built by a helper from 023409f, 12 documents (3 formal), untouched until c2490c8 (measured at b8d7a2d and c2490c8, summary only), tuned on from c2490c8;
# heldout_hundredeighth: built by a helper from 023409f, 12 documents (5 formal), untouched until c2490c8 (measured at b8d7a2d and c2490c8, summary only), tuned on from c2490c8;
# heldout_hundredninth: built by a helper from 023409f, 15 documents (3 formal), untouched until c2490c8 (measured at b8d7a2d and c2490c8, summary only), tuned on from c2490c8;
# heldout_hundredtenth: built by a helper from 023409f, 13 documents (1 formal), untouched until c2490c8 (measured at b8d7a2d and c2490c8, summary only), tuned on from c2490c8;
# heldout_hundredeleventh: built by a helper from 023409f, 13 documents (7 formal), untouched until c2490c8 (measured at b8d7a2d and c2490c8, summary only), tuned on from c2490c8;
# heldout_hundredtwelfth: built by a helper from c2490c8, 13 documents (2 formal), untouched until 666b2b4 (measured at 55f7253 and 666b2b4, summary only), tuned on from 666b2b4;
# heldout_hundredthirteenth: built by a helper from c2490c8, 14 documents (1 formal), untouched until 666b2b4 (measured at 55f7253 and 666b2b4, summary only), tuned on from 666b2b4;
# heldout_hundredfourteenth: built by a helper from c2490c8, 15 documents (4 formal), untouched until 666b2b4 (measured at 55f7253 and 666b2b4, summary only), tuned on from 666b2b4;
# heldout_hundredfifteenth: built by a helper from c2490c8, 13 documents (3 formal), untouched until 666b2b4 (measured at 55f7253 and 666b2b4, summary only), tuned on from 666b2b4;
# heldout_hundredsixteenth: built by a helper from c2490c8, 15 documents (5 formal), untouched until 666b2b4 (measured at 55f7253 and 666b2b4, summary only), tuned on from 666b2b4;
# heldout_hundredseventeenth: built by a helper from c2490c8, 15 documents (2 formal), untouched until 666b2b4 (measured at 55f7253 and 666b2b4, summary only), tuned on from 666b2b4;
# heldout_hundredeighteenth: built by a helper from c2490c8, 12 documents (2 formal), untouched until 666b2b4 (measured at 55f7253 and 666b2b4, summary only), tuned on from 666b2b4;
# heldout_hundrednineteenth: built by a helper from c2490c8, 13 documents (4 formal), untouched until 666b2b4 (measured at 55f7253 and 666b2b4, summary only), tuned on from 666b2b4;
# heldout_hundredtwentieth: built by a helper from 9c8c4e5, 15 documents (6 formal), untouched until f5d5e43 (measured at 98eb402 and f5d5e43, summary only), tuned on from f5d5e43;
# heldout_hundredtwentyfirst: built by a helper from 9c8c4e5, 12 documents (0 formal), untouched until f5d5e43 (measured at 98eb402 and f5d5e43, summary only), tuned on from f5d5e43;
# heldout_hundredtwentysecond: built by a helper from 9c8c4e5, 12 documents (2 formal), untouched until f5d5e43 (measured at 98eb402 and f5d5e43, summary only), tuned on from f5d5e43;
# heldout_hundredtwentythird: built by a helper from 9c8c4e5, 15 documents (3 formal), untouched until f5d5e43 (measured at 98eb402 and f5d5e43, summary only), tuned on from f5d5e43;
# heldout_hundredtwentyfourth: built by a helper from 9c8c4e5, 15 documents (4 formal), untouched until f5d5e43 (measured at 98eb402 and f5d5e43, summary only), tuned on from f5d5e43;
# heldout_hundredtwentyfifth: built by a helper from 9c8c4e5, 14 documents (2 formal), untouched until f5d5e43 (measured at 98eb402 and f5d5e43, summary only), tuned on from f5d5e43;
# heldout_hundredtwentysixth: built by a helper from 9c8c4e5, 15 documents (3 formal), untouched until f5d5e43 (measured at 98eb402 and f5d5e43, summary only), tuned on from f5d5e43;
# heldout_hundredtwentyseventh: built by a helper from 9c8c4e5, 14 documents (2 formal), untouched until f5d5e43 (measured at 98eb402 and f5d5e43, summary only), tuned on from f5d5e43;
# heldout_hundredtwentyeighth: built by a helper from f5d5e43, 10 documents (0 formal), untouched until 9ad2929 (measured at 68bfed7 and 9ad2929, summary only), tuned on from 9ad2929;
# heldout_hundredtwentyninth: built by a helper from f5d5e43, 7 documents (1 formal), untouched until 9ad2929 (measured at 68bfed7 and 9ad2929, summary only), tuned on from 9ad2929;
# heldout_hundredthirtieth: built by a helper from f5d5e43, 11 documents (2 formal), untouched until 9ad2929 (measured at 68bfed7 and 9ad2929, summary only), tuned on from 9ad2929;
# heldout_hundredthirtyfirst: built by a helper from f5d5e43, 10 documents (0 formal), untouched until 9ad2929 (measured at 68bfed7 and 9ad2929, summary only), tuned on from 9ad2929;
# heldout_hundredthirtysecond: built by a helper from f5d5e43, 6 documents (4 formal), untouched until 9ad2929 (measured at 68bfed7 and 9ad2929, summary only), tuned on from 9ad2929;
# heldout_hundredthirtythird: built by a helper from f5d5e43, 11 documents (2 formal), untouched until 9ad2929 (measured at 68bfed7 and 9ad2929, summary only), tuned on from 9ad2929;
# heldout_hundredthirtyfourth: built by a helper from f5d5e43, 14 documents (2 formal), untouched until 9ad2929 (measured at 68bfed7 and 9ad2929, summary only), tuned on from 9ad2929;
# heldout_hundredthirtyfifth: built by a helper from f5d5e43, 15 documents (0 formal), untouched until 9ad2929 (measured at 68bfed7 and 9ad2929, summary only), tuned on from 9ad2929;
# heldout_hundredthirtysixth: built by a helper from 9ad2929, 15 documents (4 formal), untouched (its baseline);
# heldout_hundredthirtyseventh: built by a helper from 9ad2929, 15 documents (0 formal), untouched (its baseline);
# heldout_hundredthirtyeighth: built by a helper from 9ad2929, 12 documents (5 formal), untouched (its baseline);
# heldout_hundredthirtyninth: built by a helper from 9ad2929, 12 documents (2 formal), untouched (its baseline);
# heldout_hundredfortieth: built by a helper from 9ad2929, 15 documents (0 formal), untouched (its baseline);
# heldout_hundredfortyfirst: built by a helper from 9ad2929, 11 documents (5 formal), untouched (its baseline);
# heldout_hundredfortysecond: built by a helper from 9ad2929, 15 documents (3 formal), untouched (its baseline);
# heldout_hundredfortythird: built by a helper from 9ad2929, 15 documents (0 formal), untouched (its baseline)),
# the team's synthetic held-out documents.
GOLD_SETS = (
    "tests/gold",
    "tests/heldout_real",
    "tests/heldout_fresh",
    "tests/heldout_third",
    "tests/heldout_fourth",
    "tests/heldout_fifth",
    "tests/heldout_sixth",
    "tests/heldout_seventh",
    "tests/heldout_eighth",
    "tests/heldout_ninth",
    "tests/heldout_tenth",
    "tests/heldout_eleventh",
    "tests/heldout_twelfth",
    "tests/heldout_thirteenth",
    "tests/heldout_fourteenth",
    "tests/heldout_fifteenth",
    "tests/heldout_sixteenth",
    "tests/heldout_seventeenth",
    "tests/heldout_eighteenth",
    "tests/heldout_nineteenth",
    "tests/heldout_twentyfirst",
    "tests/heldout_twentysecond",
    "tests/heldout_twentythird",
    "tests/heldout_twentyfourth",
    "tests/heldout_twentyfifth",
    "tests/heldout_twentysixth",
    "tests/heldout_twentyseventh",
    "tests/heldout_twentyeighth",
    "tests/heldout_twentyninth",
    "tests/heldout_thirtieth",
    "tests/heldout_thirtyfirst",
    "tests/heldout_thirtysecond",
    "tests/heldout_thirtythird",
    "tests/heldout_thirtyfourth",
    "tests/heldout_thirtyfifth",
    "tests/heldout_thirtysixth",
    "tests/heldout_thirtyseventh",
    "tests/heldout_thirtyninth",
    "tests/heldout_fortieth",
    "tests/heldout_fortyfirst",
    "tests/heldout_fortysecond",
    "tests/heldout_fortythird",
    "tests/heldout_fortyfourth",
    "tests/heldout_fortyfifth",
    "tests/heldout_fortysixth",
    "tests/heldout_fortyseventh",
    "tests/heldout_fortyeighth",
    "tests/heldout_fortyninth",
    "tests/heldout_fiftieth",
    "tests/heldout_fiftyfirst",
    "tests/heldout_fiftysecond",
    "tests/heldout_fiftythird",
    "tests/heldout_fiftyfourth",
    "tests/heldout_fiftyfifth",
    "tests/heldout_fiftysixth",
    "tests/heldout_fiftyseventh",
    "tests/heldout_fiftyninth",
    "tests/heldout_sixtieth",
    "tests/heldout_fiftyeighth",
    "tests/heldout_sixtyfirst",
    "tests/heldout_sixtysecond",
    "tests/heldout_sixtythird",
    "tests/heldout_sixtyfourth",
    "tests/heldout_sixtyfifth",
    "tests/heldout_sixtysixth",
    "tests/heldout_sixtyseventh",
    "tests/heldout_sixtyeighth",
    "tests/heldout_seventieth",
    "tests/heldout_sixtyninth",
    "tests/heldout_seventyfirst",
    "tests/heldout_seventysecond",
    "tests/heldout_seventythird",
    "tests/heldout_seventyfourth",
    "tests/heldout_seventyfifth",
    "tests/heldout_seventysixth",
    "tests/heldout_seventyseventh",
    "tests/heldout_seventyeighth",
    "tests/heldout_seventyninth",
    "tests/heldout_eightieth",
    "tests/heldout_eightyfirst",
    "tests/heldout_eightysecond",
    "tests/heldout_eightythird",
    "tests/heldout_eightyfourth",
    "tests/heldout_eightyfifth",
    "tests/heldout_eightysixth",
    "tests/heldout_eightyseventh",
    "tests/heldout_eightyeighth",
    "tests/heldout_eightyninth",
    "tests/heldout_ninetieth",
    "tests/heldout_ninetyfirst",
    "tests/heldout_ninetythird",
    "tests/heldout_ninetyfourth",
    "tests/heldout_ninetysecond",
    "tests/heldout_ninetyfifth",
    "tests/heldout_ninetysixth",
    "tests/heldout_ninetyseventh",
    "tests/heldout_ninetyeighth",
    "tests/heldout_ninetyninth",
    "tests/heldout_hundredth",
    "tests/heldout_hundredfirst",
    "tests/heldout_hundredsecond",
    "tests/heldout_hundredthird",
    "tests/heldout_hundredfourth",
    "tests/heldout_hundredfifth",
    "tests/heldout_hundredsixth",
    "tests/heldout_hundredseventh",
    "tests/heldout_hundredeighth",
    "tests/heldout_hundredninth",
    "tests/heldout_hundredtenth",
    "tests/heldout_hundredeleventh",
    "tests/heldout_hundredtwelfth",
    "tests/heldout_hundredthirteenth",
    "tests/heldout_hundredfourteenth",
    "tests/heldout_hundredfifteenth",
    "tests/heldout_hundredsixteenth",
    "tests/heldout_hundredseventeenth",
    "tests/heldout_hundredeighteenth",
    "tests/heldout_hundrednineteenth",
    "tests/heldout_hundredtwentieth",
    "tests/heldout_hundredtwentyfirst",
    "tests/heldout_hundredtwentysecond",
    "tests/heldout_hundredtwentythird",
    "tests/heldout_hundredtwentyfourth",
    "tests/heldout_hundredtwentyfifth",
    "tests/heldout_hundredtwentysixth",
    "tests/heldout_hundredtwentyseventh",
    "tests/heldout_hundredtwentyeighth",
    "tests/heldout_hundredtwentyninth",
    "tests/heldout_hundredthirtieth",
    "tests/heldout_hundredthirtyfirst",
    "tests/heldout_hundredthirtysecond",
    "tests/heldout_hundredthirtythird",
    "tests/heldout_hundredthirtyfourth",
    "tests/heldout_hundredthirtyfifth",
    "tests/heldout_hundredthirtysixth",
    "tests/heldout_hundredthirtyseventh",
    "tests/heldout_hundredthirtyeighth",
    "tests/heldout_hundredthirtyninth",
    "tests/heldout_hundredfortieth",
    "tests/heldout_hundredfortyfirst",
    "tests/heldout_hundredfortysecond",
    "tests/heldout_hundredfortythird",
    "tests/heldout",
)
