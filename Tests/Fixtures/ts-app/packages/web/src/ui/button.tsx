import React from 'react'
// stele:allow ADR-0001 -- the button shows the cart's size until the store lands
import { loadCart } from '../data/cart'

export function Button(props: { label: string; onClick: () => void }) {
  const size = loadCart().items.length
  return <button onClick={props.onClick}>{props.label} ({size})</button>
}
