package monitor

import (
	"slices"
	"testing"
)

// TestTypeRanks: ranks within a type follow the growth ranks, ties share
// the smallest, each indicator apart; no type or no growth rank gives 0.
func TestTypeRanks(t *testing.T) {
	rows := []Row{
		{Unit: "a", Indicator: "gdp", Rank: 1},
		{Unit: "b", Indicator: "gdp", Rank: 3}, // tied with d at the overall 3rd place
		{Unit: "c", Indicator: "gdp", Rank: 2}, // alone in Y
		{Unit: "d", Indicator: "gdp", Rank: 3},
		{Unit: "e", Indicator: "gdp", Rank: 5},
		{Unit: "f", Indicator: "gdp", Rank: 0}, // no growth: unranked
		{Unit: "g", Indicator: "gdp", Rank: 4}, // no type
		{Unit: "e", Indicator: "inv", Rank: 1}, // another indicator: its own ranking
	}
	typeOf := map[string]string{"a": "X", "b": "X", "c": "Y", "d": "X", "e": "X", "f": "X"}
	rank, of := TypeRanks(rows, typeOf)
	// X, gdp: a 1st; b and d both have one better (a): 2nd; e has a, b, d better: 4th.
	if want := []int{1, 2, 1, 2, 4, 0, 0, 1}; !slices.Equal(rank, want) {
		t.Errorf("ranks %v, want %v", rank, want)
	}
	// X, gdp has 4 ranked rows (a, b, d, e); Y, gdp 1; X, inv 1.
	if want := []int{4, 4, 1, 4, 4, 0, 0, 1}; !slices.Equal(of, want) {
		t.Errorf("of %v, want %v", of, want)
	}
}
