package cli

import "context"

// Scaffolding: replaced by weights.go and mcda.go.
func runWeights(ctx context.Context, e *env, args []string) error { panic("todo") }
func runMCDA(ctx context.Context, e *env, args []string) error    { panic("todo") }
