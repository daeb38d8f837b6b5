import { InlineSelect } from '../../components/inline-select.tsx';
import { useCurrentBrand } from './brand.ts';

interface BrandSwitcherProps {
  /** What the choice is called beside the select ("Brand", "Coaching"). */
  label?: string;
  /** After the switch, for pages that show something of the previous brand (an open conversation). */
  onSwitch?: (brandId: string) => void;
}

/** Shown only when the user has several brands; everything on workspace pages follows the choice. */
export function BrandSwitcher({ label = 'Brand', onSwitch }: BrandSwitcherProps = {}) {
  const { brand, brands, switchBrand } = useCurrentBrand();
  if (brands.length < 2 || !brand) return null;
  return (
    <InlineSelect
      label={label}
      size="sm"
      value={brand.id}
      options={brands.map((option) => ({ value: option.id, label: option.name }))}
      onChange={(brandId) => {
        switchBrand(brandId);
        onSwitch?.(brandId);
      }}
    />
  );
}
