package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// Step specifications as written on the command line, e.g. "minmax:0,100",
// "winmax:3", "mean-group:EurAsia_group". The robustness command reads lists
// of them, so each parser handles exactly one specification.

// parseImpute reads --impute: mean, median, mean-group:COL, median-group:COL.
func parseImpute(s string) (*engine.ImputeSpec, error) {
	name, arg, hasArg := strings.Cut(s, ":")
	switch {
	case (name == "mean" || name == "median") && !hasArg:
		return &engine.ImputeSpec{Method: name}, nil
	case (name == "mean-group" || name == "median-group") && arg != "":
		return &engine.ImputeSpec{Method: strings.TrimSuffix(name, "-group"), Group: arg}, nil
	}
	return nil, fmt.Errorf("mean, median, mean-group:COL or median-group:COL")
}

// parseTreat reads --treat: none (nil), default (winmax 5), winmax:N.
func parseTreat(s string) (*engine.TreatSpec, error) {
	switch s {
	case "none":
		return nil, nil
	case "default":
		return &engine.TreatSpec{WinMax: 5}, nil
	}
	if v, ok := strings.CutPrefix(s, "winmax:"); ok {
		n, err := strconv.Atoi(v)
		if err == nil && n >= 0 {
			return &engine.TreatSpec{WinMax: n}, nil
		}
	}
	return nil, fmt.Errorf("none, default or winmax:N (N ≥ 0)")
}

// normaliseHelp lists the --normalise forms.
const normaliseHelp = "minmax[:L,U], zscore[:M,S], scaled:L,U,F, rank, rank:average, borda, prank, fracmax, dist2max, dist2ref:UCODE, dist2targ, dist2targ:cap, goalposts, none"

// parseNormalise reads one --normalise specification.
func parseNormalise(s string) (*engine.NormSpec, error) {
	name, arg, hasArg := strings.Cut(s, ":")
	bad := fmt.Errorf("%s", normaliseHelp)
	nums := func(want int) ([]float64, error) {
		parts := strings.Split(arg, ",")
		if len(parts) != want {
			return nil, bad
		}
		out := make([]float64, want)
		for i, p := range parts {
			v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return nil, bad
			}
			out[i] = v
		}
		return out, nil
	}
	ns := &engine.NormSpec{Method: name}
	var err error
	switch name {
	case "minmax":
		ns.Params = []float64{0, 100}
		if hasArg {
			ns.Params, err = nums(2)
		}
	case "zscore":
		ns.Params = []float64{0, 1}
		if hasArg {
			ns.Params, err = nums(2)
		}
	case "scaled":
		ns.Params, err = nums(3)
	case "rank", "borda", "prank":
		ns.Ties = "min"
		if hasArg {
			if arg != "average" && arg != "min" {
				return nil, bad
			}
			ns.Ties = arg
		}
	case "dist2ref":
		if arg == "" {
			return nil, bad
		}
		ns.Ref = arg
	case "dist2targ":
		if hasArg && arg != "cap" {
			return nil, bad
		}
		ns.Cap = hasArg
	case "fracmax", "dist2max", "goalposts", "none":
		if hasArg {
			return nil, bad
		}
	default:
		return nil, bad
	}
	if err != nil {
		return nil, err
	}
	return ns, nil
}

// parseAggregate reads one --aggregate specification: amean, gmean, hmean,
// genmean:P, copeland.
func parseAggregate(s string) (*engine.AggSpec, error) {
	name, arg, hasArg := strings.Cut(s, ":")
	switch name {
	case "amean", "gmean", "hmean", "copeland":
		if !hasArg {
			return &engine.AggSpec{Method: name}, nil
		}
	case "genmean":
		p, err := strconv.ParseFloat(arg, 64)
		if err == nil && hasArg {
			return &engine.AggSpec{Method: name, P: p}, nil
		}
	}
	return nil, fmt.Errorf("amean, gmean, hmean, genmean:P or copeland")
}
