package chain

// sections gives the GB/T 4754-2017 section letter of each division (大类,
// the first two digits): divisions 01–05 are A (agriculture), 06–12 B
// (mining), 13–43 C (manufacturing) and so on to 97 T. A division number
// belongs to one section only, so a code written without its letter (3311,
// as the zone lists may give it) has exactly one letter.
var sections = []struct {
	last   int
	letter byte
}{
	{5, 'A'}, {12, 'B'}, {43, 'C'}, {46, 'D'}, {50, 'E'}, {52, 'F'}, {60, 'G'}, {62, 'H'}, {65, 'I'}, {69, 'J'},
	{70, 'K'}, {72, 'L'}, {75, 'M'}, {79, 'N'}, {82, 'O'}, {83, 'P'}, {85, 'Q'}, {90, 'R'}, {96, 'S'}, {97, 'T'},
}

// Normalize returns the industry code s with its section letter: "3311"
// becomes "C3311", "C3311" stays; a code of digits outside every division
// is returned as it is (and matches no node).
func Normalize(s string) string {
	if len(s) < 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return s
	}
	div := int(s[0]-'0')*10 + int(s[1]-'0')
	if div == 0 {
		return s
	}
	for _, sec := range sections {
		if div <= sec.last {
			return string(sec.letter) + s
		}
	}
	return s
}
