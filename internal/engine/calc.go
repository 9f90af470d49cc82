package engine

import (
	"fmt"
	"math"
	"strconv"
)

// This file holds what the weight and decision calculators (entropy, CRITIC,
// AHP, TOPSIS) share: their input errors and the direction-aware min-max
// standardisation. The calculators take decision matrices column by column,
// cols[j][i] = value of alternative i on criterion j, which is the layout of
// Dataset.Vals, so that an evaluation method can pass a year's data as it is.

// CalcErrKind classifies the input errors of the calculators.
type CalcErrKind int

// The calculator error kinds. Row and Col of CalcError are 0-based positions
// in the input: (alternative, criterion) for a decision matrix, (row, column)
// for a pairwise matrix; -1 when the error concerns no single cell.
const (
	CalcNoData        CalcErrKind = iota + 1 // Value alternatives, at least Other needed
	CalcNoCriteria                           // the matrix has no criterion
	CalcRagged                               // column Col has a different number of values than column 0
	CalcMissing                              // NaN at (Row, Col)
	CalcNegative                             // negative Value at (Row, Col) where the method needs x ≥ 0
	CalcNoInformation                        // no criterion separates the alternatives: the result is undefined
	CalcDirections                           // Value directions given for Other criteria
	CalcBadDirection                         // direction Value at Col is not +1 or −1
	CalcWeightCount                          // Value weights given for Other criteria
	CalcBadWeight                            // weight Value at Col is negative or not finite
	CalcZeroWeights                          // every weight is 0
	CalcNotSquare                            // row Row of the pairwise matrix has Value entries instead of Other
	CalcNotPositive                          // pairwise entry Value at (Row, Col) is not a positive number
	CalcDiagonal                             // pairwise diagonal entry Value at (Row, Row) is not 1
	CalcNotReciprocal                        // entry Value at (Row, Col) times Other at (Col, Row) is not 1
	CalcNoRI                                 // the RI table named in Detail has no value for n = Value (its largest n is Other)
	CalcUnknownOption                        // Detail names the unknown option value
	CalcNoConvergence                        // the eigenvector iteration did not converge
)

// CalcError is an invalid input of a calculator, located in its input so
// that a caller can point at the cell of its own file.
type CalcError struct {
	Kind     CalcErrKind
	Row, Col int
	Value    float64
	Other    float64
	Detail   string
}

func (e *CalcError) Error() string { return e.Message("en") }

// Message renders the error in lang ("zh" or "en"; anything else is "zh").
// It does not repeat the location, which the caller prints.
func (e *CalcError) Message(lang string) string {
	f, ok := calcMessages[e.Kind]
	if !ok {
		return fmt.Sprintf("calculator error %d", e.Kind)
	}
	s := f[0]
	if lang == "en" {
		s = f[1]
	}
	// Arguments: 1 Value, 2 Other, 3 Detail, 4 Row+1, 5 Col+1, 6 1/Other.
	inv := ""
	if e.Other != 0 {
		inv = strconv.FormatFloat(1/e.Other, 'g', 4, 64)
	}
	return fmt.Sprintf(s, fmtNum(e.Value), fmtNum(e.Other), e.Detail, e.Row+1, e.Col+1, inv)
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

var calcMessages = map[CalcErrKind][2]string{
	CalcNoData:        {"数据不足：只有 %[1]s 个评价对象，至少需要 %[2]s 个", "not enough data: %[1]s alternative(s), at least %[2]s needed"},
	CalcNoCriteria:    {"没有指标", "there is no criterion"},
	CalcRagged:        {"第 %[5]d 个指标的数值个数与第 1 个指标不同", "criterion %[5]d has a different number of values than criterion 1"},
	CalcMissing:       {"缺少数值（计算器不允许缺失值）", "missing value (the calculators accept no missing values)"},
	CalcNegative:      {"数值 %[1]s 为负：不标准化（--standardise none）时熵权法要求数值非负，可改用 --standardise minmax", "negative value %[1]s: entropy without standardisation (--standardise none) needs values ≥ 0; use --standardise minmax"},
	CalcNoInformation: {"所有指标在各对象间都没有差异，结果无定义", "no criterion differs between the alternatives: the result is undefined"},
	CalcDirections:    {"指标方向个数不对：给出 %[1]s 个，指标有 %[2]s 个", "wrong number of criterion directions: %[1]s given for %[2]s criteria"},
	CalcBadDirection:  {"第 %[5]d 个指标方向 %[1]s 无效：应为 +（正向）或 -（逆向）", "direction %[1]s of criterion %[5]d is invalid: use + (benefit) or - (cost)"},
	CalcWeightCount:   {"权重个数不对：给出 %[1]s 个，指标有 %[2]s 个", "wrong number of weights: %[1]s given for %[2]s criteria"},
	CalcBadWeight:     {"第 %[5]d 个权重 %[1]s 无效：应为非负有限数", "weight %[1]s of criterion %[5]d is invalid: it must be a finite number ≥ 0"},
	CalcZeroWeights:   {"权重全为零", "every weight is 0"},
	CalcNotSquare:     {"判断矩阵不是方阵：第 %[4]d 行有 %[1]s 个元素，应为 %[2]s 个", "the pairwise matrix is not square: row %[4]d has %[1]s entries, not %[2]s"},
	CalcNotPositive:   {"判断矩阵元素 %[1]s 无效：应为正数", "pairwise entry %[1]s is invalid: it must be a positive number"},
	CalcDiagonal:      {"判断矩阵对角线元素应为 1，实际为 %[1]s", "a diagonal entry of the pairwise matrix must be 1, found %[1]s"},
	CalcNotReciprocal: {"判断矩阵不满足互反性：此处为 %[1]s，对称位置（第 %[5]d 行第 %[4]d 列）为 %[2]s，应约为 %[6]s", "the pairwise matrix is not reciprocal: this entry is %[1]s, the entry at row %[5]d, column %[4]d is %[2]s; it should be about %[6]s"},
	CalcNoRI:          {"平均随机一致性指标表 %[3]s 只给出 n ≤ %[2]s 的值，判断矩阵为 %[1]s 阶", "the random index table %[3]s has values for n ≤ %[2]s only; the matrix has n = %[1]s"},
	CalcUnknownOption: {"未知的选项 %[3]s", "unknown option %[3]s"},
	CalcNoConvergence: {"主特征向量迭代未收敛", "the principal eigenvector iteration did not converge"},
}

// Directions of a criterion: benefit (larger is better) and cost.
const (
	Benefit = 1.0
	Cost    = -1.0
)

// checkCols validates a decision matrix: at least minRows alternatives, at
// least one criterion, equal column lengths, no missing values. It returns
// the number of alternatives.
func checkCols(cols [][]float64, minRows int) (int, error) {
	if len(cols) == 0 {
		return 0, &CalcError{Kind: CalcNoCriteria, Row: -1, Col: -1}
	}
	m := len(cols[0])
	for j, c := range cols {
		if len(c) != m {
			return 0, &CalcError{Kind: CalcRagged, Row: -1, Col: j}
		}
		for i, v := range c {
			if IsNA(v) {
				return 0, &CalcError{Kind: CalcMissing, Row: i, Col: j}
			}
		}
	}
	if m < minRows {
		return 0, &CalcError{Kind: CalcNoData, Row: -1, Col: -1, Value: float64(m), Other: float64(minRows)}
	}
	return m, nil
}

// checkDirs returns the directions for n criteria: all Benefit when dirs is
// nil, else dirs itself after checking that each is +1 or −1.
func checkDirs(dirs []float64, n int) ([]float64, error) {
	if dirs == nil {
		out := make([]float64, n)
		for j := range out {
			out[j] = Benefit
		}
		return out, nil
	}
	if len(dirs) != n {
		return nil, &CalcError{Kind: CalcDirections, Row: -1, Col: -1, Value: float64(len(dirs)), Other: float64(n)}
	}
	for j, d := range dirs {
		if d != Benefit && d != Cost {
			return nil, &CalcError{Kind: CalcBadDirection, Row: -1, Col: j, Value: d}
		}
	}
	return append([]float64(nil), dirs...), nil
}

// minMax01 standardises x to [0, 1] in direction dir: (x − min)/(max − min)
// for a benefit, (max − x)/(max − min) for a cost. A constant column carries
// no information and becomes all 0 (the choice every calculator here states).
func minMax01(x []float64, dir float64) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	z := make([]float64, len(x))
	if hi == lo {
		return z
	}
	for i, v := range x {
		if dir == Cost {
			z[i] = (hi - v) / (hi - lo)
		} else {
			z[i] = (v - lo) / (hi - lo)
		}
	}
	return z
}

// isConstant reports whether every value of x is equal.
func isConstant(x []float64) bool {
	for _, v := range x {
		if v != x[0] {
			return false
		}
	}
	return true
}
