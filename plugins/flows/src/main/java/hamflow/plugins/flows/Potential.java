package hamflow.plugins.flows;

/** How a symplectic shear builds the gradient field it adds. */
public enum Potential {
  /** {@code ∇F} of a scalar MLP {@code F}, by back-propagation written out as forward ops. */
  MLP,
  /**
   * The irrotational network {@code μ(u) = W₁ᵀ σ(d ⊙ σ(W₁u + b₁) + b₂)} of Bondesan and
   * Lamacraft, with the middle weights diagonal: its Jacobian {@code W₁ᵀ D W₁} is symmetric by
   * construction, so μ is a gradient field without differentiating anything.
   */
  IRROTATIONAL
}
