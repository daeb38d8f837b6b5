/**
 * A labelled set of chat messages, written the way small-brand owners type them (lower case, typos,
 * several sentences, a "why" inside a copy request, a greeting before the question), to measure the
 * request classifier and to train its word model. Each has the request type a reader would agree on;
 * the IDEA dimension is labelled only where the message alone makes it clear, and copy requests carry
 * the format and how many options were asked (null when the owner did not say). The first entries
 * are the failures reported in issue 13.
 *
 * Written in six rounds. Each later round was classified once before any rule was changed for it,
 * which is how intent.ts knows its accuracy on phrasings it has not seen; the rounds are merged here
 * by type, so the set now measures regressions, not generalisation.
 */
import type { LabelledRequest, LanguageCode } from './request-types.ts';

export const INTENT_SET: readonly LabelledRequest[] = [
  // ------------------------------------------------------------------ reported in issue 13
  { message: 'Why do people forget us after one order?', type: 'diagnose', dimension: 'distinctive' },
  { message: 'Write three tagline options', type: 'write-copy', copy: { format: 'tagline', count: 3 } },
  { message: 'Rewrite our homepage headline', type: 'write-copy', copy: { format: 'headline', count: null } },
  { message: "why aren't we converting", type: 'diagnose' },
  // Found after the first round of the coach work: the material named after the copy noun.
  {
    message: 'Write three taglines from what customers worry about',
    type: 'write-copy',
    dimension: 'empathetic',
    copy: { format: 'tagline', count: 3 },
  },
  {
    message: 'please draft two headlines based on what our reviews say customers love',
    type: 'write-copy',
    copy: { format: 'headline', count: 2 },
  },
  {
    message: 'Give me an email subject line about the worries customers have',
    type: 'write-copy',
    dimension: 'empathetic',
    copy: { format: 'email-subject', count: 1 },
  },

  // ------------------------------------------------------------------------------ write-copy
  {
    message: 'can you write me a tagline for my candle business',
    type: 'write-copy',
    copy: { format: 'tagline', count: 1 },
  },
  {
    message: 'need 5 instagram captions for our new autumn blend launch',
    type: 'write-copy',
    copy: { format: 'social-caption', count: 5 },
  },
  {
    message: 'Give me a few slogan ideas for a dog treat brand that only uses human-grade ingredients',
    type: 'write-copy',
    copy: { format: 'tagline', count: 3 },
  },
  {
    message: 'write a product description for our lavender body butter, 200g jar, handmade in small batches',
    type: 'write-copy',
    copy: { format: 'product-description', count: 1 },
  },
  {
    message: 'Draft an email subject line for our black friday sale',
    type: 'write-copy',
    copy: { format: 'email-subject', count: 1 },
  },
  {
    message: 'I need a bio for my instagram, im a wedding photographer in leeds',
    type: 'write-copy',
    copy: { format: 'bio', count: 1 },
  },
  {
    message: 'Can you come up with 2 headlines for the landing page? We sell refillable cleaning sprays.',
    type: 'write-copy',
    copy: { format: 'headline', count: 2 },
  },
  {
    message: 'write amazon bullet points for my bamboo toothbrush',
    type: 'write-copy',
    copy: { format: 'bullets', count: null },
  },
  {
    message: 'Why not write a couple of taglines that explain why our coffee is different?',
    type: 'write-copy',
    dimension: 'distinctive',
    copy: { format: 'tagline', count: 2 },
  },
  {
    message: 'Write a headline that tells people why they should trust us with their pets',
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'headline', count: 1 },
  },
  {
    message: "help me write our about us page. we're two sisters who started baking sourdough in lockdown",
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'about', count: null },
  },
  {
    message: "rewrite this to sound less corporate: 'We deliver innovative solutions for modern families'",
    type: 'write-copy',
    copy: { format: 'copy', count: null },
  },
  {
    message: 'facebook ad copy for a summer discount on yoga classes pls',
    type: 'write-copy',
    copy: { format: 'ad', count: null },
  },
  {
    message: 'Give me 10 subject lines for our welcome email',
    type: 'write-copy',
    copy: { format: 'email-subject', count: 10 },
  },
  {
    message: 'can u make a catchy slogan for my food truck',
    type: 'write-copy',
    copy: { format: 'tagline', count: 1 },
  },
  {
    message:
      "Write our mission statement. We make plastic-free period products and want to be honest about what's in them.",
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'statement', count: null },
  },
  {
    message: 'Suggest three product names for a new citrus candle',
    type: 'write-copy',
    copy: { format: 'name', count: 3 },
  },
  {
    message:
      'I want a short hero section for the homepage, something warm that makes new mums feel understood',
    type: 'write-copy',
    dimension: 'empathetic',
    copy: { format: 'hero', count: 1 },
  },
  {
    message: 'write a tiktok hook for our hot sauce',
    type: 'write-copy',
    copy: { format: 'video-hook', count: 1 },
  },
  {
    message: 'Can you write 3 versions of a google ad headline for my plumbing business?',
    type: 'write-copy',
    copy: { format: 'ad', count: 3 },
  },
  {
    message: 'Write a value proposition for my bookkeeping service for freelancers',
    type: 'write-copy',
    copy: { format: 'value-proposition', count: 1 },
  },
  {
    message: 'What should our tagline be? We roast coffee in a tiny shed in Cornwall.',
    type: 'write-copy',
    copy: { format: 'tagline', count: null },
  },
  {
    message: 'tagline ideas? we sell vegan leather bags',
    type: 'write-copy',
    copy: { format: 'tagline', count: null },
  },
  {
    message:
      "Could you rewrite our product description so it's more about how customers feel and less about features?",
    type: 'write-copy',
    dimension: 'empathetic',
    copy: { format: 'product-description', count: null },
  },
  {
    message: 'Write a newsletter email announcing our new store opening in Bristol',
    type: 'write-copy',
    copy: { format: 'email', count: 1 },
  },
  {
    message: 'I need some copy for the back of our packaging',
    type: 'write-copy',
    copy: { format: 'copy', count: null },
  },
  {
    message: 'make me 4 linkedin post ideas about why small businesses need bookkeeping',
    type: 'write-copy',
    copy: { format: 'social-caption', count: 4 },
  },
  {
    message: 'Write a short brand story for our website, focusing on why my grandmother started the bakery',
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'about', count: 1 },
  },
  {
    message: "Can you punch up this headline: 'Quality candles for your home'",
    type: 'write-copy',
    copy: { format: 'headline', count: null },
  },
  {
    message: 'Write 3 taglines that make us more memorable',
    type: 'write-copy',
    dimension: 'distinctive',
    copy: { format: 'tagline', count: 3 },
  },
  {
    message: 'Give me two options for a one-line pitch I can say at markets',
    type: 'write-copy',
    copy: { format: 'value-proposition', count: 2 },
  },
  {
    message: 'please write an etsy listing description for hand-knitted baby blankets',
    type: 'write-copy',
    copy: { format: 'product-description', count: 1 },
  },
  {
    message: 'new slogan for our gym, something that makes people feel welcome not intimidated',
    type: 'write-copy',
    dimension: 'empathetic',
    copy: { format: 'tagline', count: null },
  },
  {
    message: 'Write a welcome email for new subscribers that tells our origin story',
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'email', count: 1 },
  },
  {
    message: 'Write me an instagram bio under 150 characters for a vegan bakery',
    type: 'write-copy',
    copy: { format: 'bio', count: 1 },
  },
  {
    message:
      'Could you draft some bullet points for our shopify product page? The product is a weighted blanket.',
    type: 'write-copy',
    copy: { format: 'bullets', count: null },
  },
  { message: 'i need a headline for a flyer', type: 'write-copy', copy: { format: 'headline', count: 1 } },
  {
    message: 'Write a caption for this photo of our new shopfront',
    type: 'write-copy',
    copy: { format: 'social-caption', count: 1 },
  },
  {
    message: 'Help me with a tagline. Why is it so hard to sum up what we do in five words?',
    type: 'write-copy',
    copy: { format: 'tagline', count: 1 },
  },
  {
    message: "Rewrite our 'about' section so it sounds more like us and less like a template",
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'about', count: null },
  },
  {
    message: "Can you give me three ways to say 'small batch, big flavour' on our jar label?",
    type: 'write-copy',
    copy: { format: 'copy', count: 3 },
  },
  {
    message:
      'Rewrite our homepage hero so first-time visitors instantly get what makes us different from other candle shops',
    type: 'write-copy',
    dimension: 'distinctive',
    copy: { format: 'hero', count: null },
  },
  {
    message: 'headline for our kickstarter page?? something bold',
    type: 'write-copy',
    copy: { format: 'headline', count: null },
  },
  {
    message:
      "We're launching a refill service next week. Can you write the announcement post for instagram? Keep it short.",
    type: 'write-copy',
    copy: { format: 'social-caption', count: null },
  },
  {
    message: 'whats a good slogan for a mobile dog groomer',
    type: 'write-copy',
    copy: { format: 'tagline', count: 1 },
  },

  {
    message: 'Could I get a few options for the text on our shop window? We sell secondhand books',
    type: 'write-copy',
    copy: { format: 'copy', count: 3 },
  },
  {
    message: 'pls write 3 short instagram captions for our pumpkin spice candle, playful tone',
    type: 'write-copy',
    copy: { format: 'social-caption', count: 3 },
  },
  {
    message: 'I keep rewriting our strapline and hate all of them. Can you have a go?',
    type: 'write-copy',
    copy: { format: 'tagline', count: null },
  },
  {
    message: 'We need a new homepage headline that makes it obvious we are the only vegan butcher in Wales',
    type: 'write-copy',
    dimension: 'distinctive',
    copy: { format: 'headline', count: 1 },
  },
  {
    message: 'Draft a product description for our weighted sleep mask that speaks to anxious sleepers',
    type: 'write-copy',
    dimension: 'empathetic',
    copy: { format: 'product-description', count: 1 },
  },
  {
    message: 'give me 5 subject lines for the abandoned cart email',
    type: 'write-copy',
    copy: { format: 'email-subject', count: 5 },
  },
  {
    message:
      'can you write a short founder story for the about page, i started the business after my son was diagnosed with eczema',
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'about', count: 1 },
  },
  {
    message: 'Three options for a linkedin bio for a freelance architect please',
    type: 'write-copy',
    copy: { format: 'bio', count: 3 },
  },
  {
    message: 'Hi! Could you help me come up with a name for our new range of herbal teas?',
    type: 'write-copy',
    copy: { format: 'name', count: 1 },
  },
  {
    message: 'I have to write the blurb for our crowdfunding page by friday, can you draft something?',
    type: 'write-copy',
    copy: { format: 'copy', count: null },
  },
  {
    message: "we're a tiny pottery studio. what could our slogan be? something about slowing down",
    type: 'write-copy',
    copy: { format: 'tagline', count: null },
  },
  {
    message: 'Turn our value proposition into a punchy headline for facebook ads',
    type: 'write-copy',
    copy: { format: 'headline', count: 1 },
  },
  {
    message: 'ok now write two versions of the hero text, one warm and one more confident',
    type: 'write-copy',
    copy: { format: 'hero', count: 2 },
  },
  {
    message: 'Write copy for our pop-up shop sign that makes passers-by stop and look',
    type: 'write-copy',
    dimension: 'distinctive',
    copy: { format: 'copy', count: null },
  },
  {
    message: 'can u do me 6 hashtags and a caption for a reel of our new vegan brownies',
    type: 'write-copy',
    copy: { format: 'social-caption', count: 1 },
  },
  {
    message: 'Please rewrite our email signup popup so it feels less pushy',
    type: 'write-copy',
    copy: { format: 'copy', count: null },
  },
  {
    message: 'Need a strapline for the van. We do mobile bike repairs around Oxford',
    type: 'write-copy',
    copy: { format: 'tagline', count: 1 },
  },
  {
    message: 'can you jot down some ideas for our christmas newsletter subject line',
    type: 'write-copy',
    copy: { format: 'email-subject', count: null },
  },
  {
    message: 'i hate our website intro paragraph. make it better? its for a doula service',
    type: 'write-copy',
    copy: { format: 'copy', count: null },
  },
  {
    message: 'Please give me four short taglines we could print on our tote bags',
    type: 'write-copy',
    copy: { format: 'tagline', count: 4 },
  },
  {
    message: 'Write the text for our google business profile description',
    type: 'write-copy',
    copy: { format: 'bio', count: null },
  },
  {
    message: 'We sell refurbished laptops. Could you write a trust-building product description?',
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'product-description', count: 1 },
  },
  {
    message: 'A couple of opening lines for a video about our founders?',
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'video-hook', count: 2 },
  },
  {
    message: 'compose an instagram post announcing our 5th birthday',
    type: 'write-copy',
    copy: { format: 'social-caption', count: 1 },
  },
  {
    message: 'Our kombucha needs a fun one-liner for the can. Go!',
    type: 'write-copy',
    copy: { format: 'value-proposition', count: 1 },
  },
  {
    message:
      'Could you write the "meet the maker" section for our website? I make leather wallets by hand in Sheffield.',
    type: 'write-copy',
    dimension: 'authentic',
    copy: { format: 'copy', count: null },
  },
  {
    message: 'draft 3 push notification messages for our app launch',
    type: 'write-copy',
    copy: { format: 'copy', count: 3 },
  },
  {
    message: 'Our Etsy shop description is boring. Can you jazz it up?',
    type: 'write-copy',
    copy: { format: 'product-description', count: null },
  },
  {
    message: 'I need words for a postcard we tuck into every order, something that makes people smile',
    type: 'write-copy',
    dimension: 'empathetic',
    copy: { format: 'copy', count: null },
  },
  {
    message: 'write a google ad for emergency locksmith services in Croydon, max 30 characters headline',
    type: 'write-copy',
    copy: { format: 'ad', count: 1 },
  },
  {
    message: 'Give me some names for our loyalty scheme',
    type: 'write-copy',
    dimension: 'empathetic',
    copy: { format: 'name', count: null },
  },

  {
    message: 'Help me name our new seasonal blend, it has cinnamon, orange and clove',
    type: 'write-copy',
    copy: { format: 'name', count: null },
  },
  {
    message: 'Can you turn my messy notes into a proper about us paragraph?',
    type: 'write-copy',
    copy: { format: 'about', count: 1 },
  },
  {
    message: "I'm rubbish at writing. Could you do the product blurb for our oat milk soap?",
    type: 'write-copy',
    copy: { format: 'copy', count: null },
  },
  {
    message: 'Write five different headlines I can A/B test on the landing page',
    type: 'write-copy',
    copy: { format: 'headline', count: 5 },
  },
  {
    message: 'Suggest a short slogan for the side of our delivery bikes',
    type: 'write-copy',
    copy: { format: 'tagline', count: 1 },
  },
  {
    message: 'ok give me an email to send to customers who have not ordered in 6 months',
    type: 'write-copy',
    dimension: 'empathetic',
    copy: { format: 'email', count: 1 },
  },
  {
    message: 'Need amazon listing bullets that explain why our bottle keeps drinks cold for 24h',
    type: 'write-copy',
    copy: { format: 'bullets', count: null },
  },

  // -------------------------------------------------------------------------------- diagnose
  {
    message: 'Our instagram has 5k followers but nobody buys. What is going wrong?',
    type: 'diagnose',
  },
  { message: "Sales have dropped since January and I don't know why", type: 'diagnose' },
  {
    message: "Why don't customers come back for a second order?",
    type: 'diagnose',
    dimension: 'empathetic',
  },
  {
    message: 'people say they love our candles at markets but never remember to look us up afterwards',
    type: 'diagnose',
    dimension: 'distinctive',
  },
  {
    message: 'why does nobody trust a new skincare brand like mine',
    type: 'diagnose',
    dimension: 'authentic',
  },
  {
    message: 'Customers keep confusing us with another bakery down the road, why?',
    type: 'diagnose',
    dimension: 'distinctive',
  },
  {
    message: "We get lots of traffic but basket abandonment is huge. What's the problem?",
    type: 'diagnose',
  },
  { message: 'Why is our email open rate so low?', type: 'diagnose' },
  { message: "what's wrong with my brand? be honest", type: 'diagnose' },
  {
    message: 'My reviews are great but repeat purchases are really low, people buy once and never again',
    type: 'diagnose',
    dimension: 'empathetic',
  },
  {
    message: "we look exactly like every other coffee brand on the shelf and i think it's hurting us",
    type: 'diagnose',
    dimension: 'distinctive',
  },
  {
    message: "I feel like our customers don't really connect with us emotionally. why?",
    type: 'diagnose',
    dimension: 'empathetic',
  },
  {
    message: 'why do people unsubscribe from our newsletter after the first email',
    type: 'diagnose',
  },
  {
    message: 'Nobody recognises our packaging. Is that why sales are flat?',
    type: 'diagnose',
    dimension: 'distinctive',
  },
  { message: 'Our ads get clicks but no sales, why??', type: 'diagnose' },
  {
    message:
      "We keep getting one-star reviews saying the product isn't what they expected. What are we doing wrong?",
    type: 'diagnose',
  },
  { message: "why isn't my brand growing", type: 'diagnose' },
  {
    message:
      "Our story is on the website but people still think we're a big faceless company. What's going on?",
    type: 'diagnose',
    dimension: 'authentic',
  },
  {
    message: "i think our messaging is confusing people. how can i tell what's wrong?",
    type: 'diagnose',
  },
  { message: "why don't people remember our name", type: 'diagnose', dimension: 'distinctive' },
  {
    message: 'Why do my customers not feel any loyalty to us?',
    type: 'diagnose',
    dimension: 'empathetic',
  },
  { message: "Why aren't people sharing our posts? Engagement is dead.", type: 'diagnose' },
  {
    message: 'we have been trading 3 years and still nobody in town knows who we are. whats the problem',
    type: 'diagnose',
    dimension: 'distinctive',
  },
  {
    message: 'customers say our brand feels cold and corporate even though we are a family business. why??',
    type: 'diagnose',
    dimension: 'empathetic',
  },
  {
    message: "I think people don't believe our eco claims. Why would that be?",
    type: 'diagnose',
    dimension: 'authentic',
  },

  { message: 'Why are people leaving our site without buying anything?', type: 'diagnose' },
  {
    message: 'Our bookings have been really slow since we raised prices. Why might that be?',
    type: 'diagnose',
  },
  {
    message: 'nobody seems to remember our brand after the farmers market, what are we missing?',
    type: 'diagnose',
    dimension: 'distinctive',
  },
  {
    message: "Why doesn't anyone believe us when we say our coffee is ethically sourced?",
    type: 'diagnose',
    dimension: 'authentic',
  },
  {
    message: 'I get loads of one-off orders but customers never become regulars. what is the reason?',
    type: 'diagnose',
    dimension: 'empathetic',
  },
  { message: 'why is our instagram engagement so bad compared to last year', type: 'diagnose' },
  {
    message: "Honestly I'm confused. Traffic is up 40% but sales haven't moved at all. What's happening?",
    type: 'diagnose',
  },
  { message: 'Why did our launch flop? We had a waiting list of 300 people.', type: 'diagnose' },
  {
    message:
      "people keep saying our prices are too high but our competitors charge the same. what's really going on",
    type: 'diagnose',
  },
  {
    message:
      'customers buy the starter kit and then we never hear from them again. why does this keep happening',
    type: 'diagnose',
    dimension: 'empathetic',
  },
  {
    message: 'I think our brand is invisible. People walk past the stall without noticing us. How come?',
    type: 'diagnose',
    dimension: 'distinctive',
  },
  { message: "our reviews mention 'cheap feel' a lot, is that why returns are so high?", type: 'diagnose' },
  { message: 'Our repeat rate is 8%. That seems really bad?', type: 'diagnose', dimension: 'empathetic' },
  { message: "Something is off with our brand but I can't put my finger on it", type: 'diagnose' },
  { message: 'we launched on amazon 6 months ago and sales are basically zero, why', type: 'diagnose' },
  { message: 'What could explain why people stopped opening our emails?', type: 'diagnose' },
  { message: 'Newsletter sign-ups have dried up completely. Any idea what happened?', type: 'diagnose' },
  {
    message: "Why does everyone think we're a franchise when we're one family-run shop?",
    type: 'diagnose',
    dimension: 'authentic',
  },
  { message: "Our Facebook ads used to work and now they don't. What changed?", type: 'diagnose' },
  { message: 'We get good feedback at markets but online nobody bites. Thoughts on why?', type: 'diagnose' },
  { message: 'why do people add to basket and then leave', type: 'diagnose' },
  {
    message: 'Customers say they forgot we existed until they saw our stall again. Is this normal?',
    type: 'diagnose',
    dimension: 'distinctive',
  },
  {
    message: 'I suspect people find our brand a bit fake. What gives it away?',
    type: 'diagnose',
    dimension: 'authentic',
  },
  {
    message: 'Where are we losing people? The funnel looks fine but conversions are awful.',
    type: 'diagnose',
  },

  { message: 'Half our trial users never convert to paid. What might be going on?', type: 'diagnose' },
  {
    message: "We've been posting every day for months and our following hasn't grown. Why?",
    type: 'diagnose',
  },
  {
    message:
      "people tell me they've never heard of us even though we've been on the high street for 10 years",
    type: 'diagnose',
    dimension: 'distinctive',
  },
  {
    message: 'Why would someone leave a 2 star review saying we felt impersonal?',
    type: 'diagnose',
    dimension: 'empathetic',
  },
  {
    message: 'Everyone likes our posts but hardly anyone clicks through. What am I missing?',
    type: 'diagnose',
  },
  {
    message: 'Our wholesale buyers keep dropping us for cheaper suppliers. What is our problem?',
    type: 'diagnose',
  },

  // ------------------------------------------------------------------------------- next-step
  { message: 'What should I do next?', type: 'next-step' },
  { message: 'where do i even start with branding', type: 'next-step' },
  { message: "I've finished the diagnostic, what should I prioritise?", type: 'next-step' },
  { message: "what's the single most important thing to work on this month", type: 'next-step' },
  {
    message: 'I have about 3 hours a week for marketing. What should I focus on?',
    type: 'next-step',
  },
  { message: 'Give me a plan for the next 30 days', type: 'next-step' },
  { message: 'what now?', type: 'next-step' },
  { message: 'How do I make people remember us?', type: 'next-step', dimension: 'distinctive' },
  {
    message: 'How can I build more trust with first-time buyers?',
    type: 'next-step',
    dimension: 'authentic',
  },
  {
    message: 'What steps should I take to make my brand stand out?',
    type: 'next-step',
    dimension: 'distinctive',
  },
  {
    message: 'How do I get customers to feel more connected to us?',
    type: 'next-step',
    dimension: 'empathetic',
  },
  { message: 'how do i get to know my customers better', type: 'next-step', dimension: 'insight' },
  { message: "I've filled in the canvas, what's next?", type: 'next-step' },
  { message: 'which dimension should i work on first', type: 'next-step' },
  { message: "What's the quickest win for my brand right now?", type: 'next-step' },
  { message: "help! I don't know where to begin with our rebrand", type: 'next-step' },
  {
    message: 'How can I improve consistency across instagram, the website and our packaging?',
    type: 'next-step',
  },
  {
    message: 'What should I do to get more repeat customers?',
    type: 'next-step',
    dimension: 'empathetic',
  },
  {
    message: 'How do we show our values without sounding preachy?',
    type: 'next-step',
    dimension: 'authentic',
  },
  { message: 'Can you give me a to-do list for improving our brand?', type: 'next-step' },
  {
    message: 'How do I find out why people actually buy from us?',
    type: 'next-step',
    dimension: 'insight',
  },
  {
    message: 'what should i focus on to make my brand more recognisable on the high street',
    type: 'next-step',
    dimension: 'distinctive',
  },
  {
    message: 'ok i have done the diagnostic and my scores are low everywhere. where should I begin??',
    type: 'next-step',
  },
  {
    message: 'How should we research what our customers actually need before the relaunch?',
    type: 'next-step',
    dimension: 'insight',
  },

  { message: 'What would you do first if you were me?', type: 'next-step' },
  { message: 'I only have a small budget this quarter. Where should the money go?', type: 'next-step' },
  {
    message: 'How can we make our customers feel more looked after?',
    type: 'next-step',
    dimension: 'empathetic',
  },
  {
    message: 'whats the best way to get our logo and colours recognised locally',
    type: 'next-step',
    dimension: 'distinctive',
  },
  { message: 'How do I learn what really motivates my buyers?', type: 'next-step', dimension: 'insight' },
  {
    message: 'Any tips on being more transparent about our supply chain?',
    type: 'next-step',
    dimension: 'authentic',
  },
  { message: 'Okay, so what do I tackle first — the canvas or the avatars?', type: 'next-step' },
  { message: 'I want to grow word of mouth. Where do I put my energy?', type: 'next-step' },
  { message: 'Can you make me a simple weekly routine for building the brand?', type: 'next-step' },
  {
    message: 'How can I make our shop feel more personal for regulars?',
    type: 'next-step',
    dimension: 'empathetic',
  },
  { message: 'Should I rebrand or keep our current logo?', type: 'next-step', dimension: 'distinctive' },
  {
    message: 'what are 3 things I can do this week to earn more trust online',
    type: 'next-step',
    dimension: 'authentic',
  },
  { message: "What's the first thing I should fix?", type: 'next-step' },
  { message: 'Given my scores, what should be my focus for the next quarter?', type: 'next-step' },
  {
    message: 'i want people to recognise us from across the room at trade fairs. ideas?',
    type: 'next-step',
    dimension: 'distinctive',
  },
  { message: 'How should I go about interviewing customers?', type: 'next-step', dimension: 'insight' },
  {
    message: 'Is it worth investing in a proper logo now or later?',
    type: 'next-step',
    dimension: 'distinctive',
  },
  {
    message: "We've got no time and no money. What's the one thing that would help our brand most?",
    type: 'next-step',
  },
  { message: "Alright, I've read the report. Now what?", type: 'next-step' },
  { message: 'Which should come first: new packaging or a new website?', type: 'next-step' },
  { message: 'give me 3 concrete actions for this week', type: 'next-step' },
  {
    message: 'How do we get people to remember the name of our shop?',
    type: 'next-step',
    dimension: 'distinctive',
  },
  {
    message: 'What can we do to make customers feel more valued after they buy?',
    type: 'next-step',
    dimension: 'empathetic',
  },
  {
    message: 'I want to start asking customers why they buy. How do I set that up?',
    type: 'next-step',
    dimension: 'insight',
  },

  { message: 'I have a free afternoon. What should I spend it on for the brand?', type: 'next-step' },
  { message: 'Where would you put the first £500 of marketing money?', type: 'next-step' },
  {
    message: 'how can we be more consistent with our colours and fonts',
    type: 'next-step',
    dimension: 'distinctive',
  },
  {
    message: 'What are some ways to show customers we actually listen to them?',
    type: 'next-step',
    dimension: 'empathetic',
  },
  { message: 'Help me plan our first customer survey', type: 'next-step', dimension: 'insight' },
  {
    message: 'How do I get more people to trust a brand new business?',
    type: 'next-step',
    dimension: 'authentic',
  },

  // ------------------------------------------------------------------------ customer-insight
  {
    message: 'What do my customers worry about before buying?',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  {
    message: 'what are customers saying about us in reviews',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'What objections do people have to buying handmade soap online?',
    type: 'customer-insight',
  },
  { message: 'why do people buy from us', type: 'customer-insight', dimension: 'insight' },
  { message: 'who is actually buying my stuff?', type: 'customer-insight', dimension: 'insight' },
  {
    message: 'What do customers love most about our coffee?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  { message: "What's stopping people from buying on our website?", type: 'customer-insight' },
  {
    message: 'What do our customers really want from a dog groomer?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  { message: 'What are the main pain points of my target audience?', type: 'customer-insight' },
  {
    message: 'Tell me what my avatar Sarah is afraid of',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  {
    message: 'how do our customers feel after they receive their order?',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  {
    message: 'What motivates people to buy eco cleaning products?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'What are the top complaints in our reviews?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  { message: "Do customers care that we're B Corp certified?", type: 'customer-insight' },
  {
    message: 'what does my ideal customer look like',
    type: 'customer-insight',
    dimension: 'insight',
  },
  { message: 'What do people think of our brand?', type: 'customer-insight' },
  {
    message: 'Summarise what customers are worried about from the reviews I uploaded',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  {
    message: 'are my customers more price sensitive or quality driven?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: "What do new mums need from a baby sling brand that they're not getting?",
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'what questions do customers ask before they buy?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'Based on my survey results, what do people want more of?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'what are my customers scared of when they book a first session with a personal trainer',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  {
    message: "Why do people choose us over the big chains? I've never really asked them.",
    type: 'customer-insight',
    dimension: 'insight',
  },

  {
    message: 'What are people most nervous about when they order furniture online from us?',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  {
    message: 'What do the reviews say people like about our sourdough?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  { message: 'Who are my best customers?', type: 'customer-insight', dimension: 'insight' },
  {
    message: 'What makes someone choose a local florist over a supermarket bouquet?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  { message: 'what do my customers hate about other skincare brands', type: 'customer-insight' },
  {
    message: 'Which frustrations come up most in our customer emails?',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  { message: 'What kind of person buys a £90 candle?', type: 'customer-insight', dimension: 'insight' },
  { message: "What's putting people off signing up for our classes?", type: 'customer-insight' },
  {
    message: 'From the reviews, what do customers value most?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'Are people buying our hampers as gifts or for themselves?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'How do first-time visitors feel when they land on our website?',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  {
    message: 'What are the biggest worries parents have about our kids coding club?',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  { message: 'Do people actually read the story on our labels?', type: 'customer-insight' },
  {
    message: 'What do the survey answers tell us about why people cancel?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'Which feelings come up most in our reviews?',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  { message: "What's our typical customer like?", type: 'customer-insight', dimension: 'insight' },
  {
    message: 'What questions do people have before booking a wedding photographer?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'What would make a busy nurse trust a new supplement brand?',
    type: 'customer-insight',
    dimension: 'authentic',
  },
  {
    message: "What's the main reason people buy from a small roastery instead of the supermarket?",
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'Do my buyers care more about price or about the eco angle?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'What are the top three things customers mention in our reviews?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  { message: 'what keeps our avatar Emma up at night', type: 'customer-insight', dimension: 'empathetic' },
  { message: 'How do people describe us to their friends?', type: 'customer-insight' },
  {
    message: 'What are customers hoping for when they book a massage with us?',
    type: 'customer-insight',
    dimension: 'insight',
  },

  {
    message: 'What do people usually search for before they find us?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'Which of our customers spend the most and why?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'What are our customers worried will go wrong with a home renovation?',
    type: 'customer-insight',
    dimension: 'empathetic',
  },
  {
    message: 'Give me a summary of what reviewers complain about',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'Are our customers mostly buying for themselves or as gifts, based on the survey?',
    type: 'customer-insight',
    dimension: 'insight',
  },
  {
    message: 'How do customers feel about waiting two weeks for a made-to-order piece?',
    type: 'customer-insight',
    dimension: 'empathetic',
  },

  // --------------------------------------------------------------------------------- explain
  { message: 'What is a brand asset?', type: 'explain', dimension: 'distinctive' },
  {
    message: 'what does distinctive actually mean in the IDEA framework',
    type: 'explain',
    dimension: 'distinctive',
  },
  { message: "Explain emotional triggers like I'm 5", type: 'explain' },
  { message: "What's the difference between a mission and a vision?", type: 'explain' },
  { message: 'how does the diagnostic score work?', type: 'explain' },
  { message: 'What is mental availability?', type: 'explain', dimension: 'distinctive' },
  { message: "What's a value proposition?", type: 'explain' },
  { message: 'Can you explain what empathetic branding is?', type: 'explain', dimension: 'empathetic' },
  { message: 'what do you mean by authentic', type: 'explain', dimension: 'authentic' },
  { message: 'Why does consistency matter so much in branding?', type: 'explain' },
  { message: 'What are buyer personas and do I need one?', type: 'explain', dimension: 'insight' },
  { message: 'How does the brand canvas work?', type: 'explain' },
  { message: 'what is positioning', type: 'explain', dimension: 'distinctive' },
  { message: 'Define brand voice for me', type: 'explain', dimension: 'authentic' },
  { message: "what's the IDEA framework?", type: 'explain' },
  { message: 'Is a tagline the same as a slogan?', type: 'explain' },
  {
    message: "What does 'shopper type' mean on the insight worksheet?",
    type: 'explain',
    dimension: 'insight',
  },
  { message: 'Why is trust so important for small brands?', type: 'explain', dimension: 'authentic' },
  { message: 'how do emotional triggers work in marketing', type: 'explain' },
  { message: "what's the point of a customer avatar", type: 'explain', dimension: 'insight' },
  { message: "I don't understand what 'search intent' means", type: 'explain', dimension: 'insight' },
  {
    message: 'can you tell me more about the empathetic dimension? the diagnostic says mine is weak',
    type: 'explain',
    dimension: 'empathetic',
  },

  { message: 'What exactly is a distinctive brand asset?', type: 'explain', dimension: 'distinctive' },
  { message: 'Explain the difference between brand voice and brand personality', type: 'explain' },
  { message: 'what is an emotional trigger', type: 'explain' },
  { message: 'How is the overall score calculated?', type: 'explain' },
  { message: 'Can you explain what insight means here?', type: 'explain', dimension: 'insight' },
  { message: 'why do brands need values?', type: 'explain', dimension: 'authentic' },
  {
    message: 'whats the difference between positioning and a tagline',
    type: 'explain',
    dimension: 'distinctive',
  },
  { message: "I keep hearing 'brand archetypes'. What are they?", type: 'explain' },
  { message: 'what does it mean for a brand to be empathetic?', type: 'explain', dimension: 'empathetic' },
  { message: 'In plain English, what is brand equity?', type: 'explain' },
  { message: 'How does the emotional trigger assessment work?', type: 'explain' },
  { message: 'why does a small business even need a brand?', type: 'explain' },
  { message: 'brand personality vs brand voice?', type: 'explain', dimension: 'authentic' },
  {
    message: 'Could you walk me through what the Authentic score measures?',
    type: 'explain',
    dimension: 'authentic',
  },
  { message: 'remind me what a customer avatar is for', type: 'explain', dimension: 'insight' },
  { message: 'Is a logo a brand asset?', type: 'explain', dimension: 'distinctive' },
  {
    message: "What's meant by 'mental availability' in the distinctive module?",
    type: 'explain',
    dimension: 'distinctive',
  },
  { message: 'What is the Value Lens for?', type: 'explain' },
  { message: 'what the heck is a brand canvas', type: 'explain' },
  { message: 'Tell me about the four IDEA dimensions', type: 'explain' },
  { message: 'Why is it called Insight-driven?', type: 'explain', dimension: 'insight' },
  { message: 'ELI5: positioning statement', type: 'explain', dimension: 'distinctive' },
  { message: 'Does a brand need a mascot to be distinctive?', type: 'explain', dimension: 'distinctive' },
  { message: 'Whats the meaning behind the empathy score', type: 'explain', dimension: 'empathetic' },

  {
    message: 'What is a brand promise and how is it different from a tagline?',
    type: 'explain',
    dimension: 'authentic',
  },
  {
    message: 'So what exactly does the Empathetic part of IDEA cover?',
    type: 'explain',
    dimension: 'empathetic',
  },
  { message: 'Explain distinctive brand assets with an example', type: 'explain', dimension: 'distinctive' },
  { message: "What's the idea behind buyer intent?", type: 'explain', dimension: 'insight' },
  {
    message: 'why do consistent colours help people remember a brand?',
    type: 'explain',
    dimension: 'distinctive',
  },
  { message: 'What does "good" look like for an authentic brand?', type: 'explain', dimension: 'authentic' },

  // --------------------------------------------------------------------- compare-competitors
  {
    message: 'How are we different from our competitors?',
    type: 'compare-competitors',
    dimension: 'distinctive',
  },
  { message: 'What are other candle brands doing better than us?', type: 'compare-competitors' },
  { message: 'Compare us with Lush', type: 'compare-competitors' },
  { message: 'how do we stack up against the big supermarket brands', type: 'compare-competitors' },
  {
    message: 'My competitor just copied our packaging, what makes us different now?',
    type: 'compare-competitors',
    dimension: 'distinctive',
  },
  {
    message: 'Who are my main competitors and how should I position against them?',
    type: 'compare-competitors',
    dimension: 'distinctive',
  },
  { message: 'Is our pricing in line with similar brands?', type: 'compare-competitors' },
  { message: 'What can I learn from how Gymshark built their brand?', type: 'compare-competitors' },
  {
    message: "us vs the other coffee roasters in town - what's our edge?",
    type: 'compare-competitors',
    dimension: 'distinctive',
  },
  {
    message: 'Everyone in my niche uses pastel colours and script fonts. Should we do the same?',
    type: 'compare-competitors',
    dimension: 'distinctive',
  },
  {
    message: 'How do competitors talk about trust and honesty compared to us?',
    type: 'compare-competitors',
    dimension: 'authentic',
  },
  { message: "what do rival bakeries do that we don't", type: 'compare-competitors' },
  {
    message: 'Which of my competitors has the strongest brand and why?',
    type: 'compare-competitors',
  },
  {
    message: 'Are we more expensive than other dog walkers in the area, and does it matter?',
    type: 'compare-competitors',
  },
  {
    message: 'Do bigger brands build a better emotional connection with customers than we do?',
    type: 'compare-competitors',
    dimension: 'empathetic',
  },

  { message: 'How does our brand compare to Patagonia?', type: 'compare-competitors' },
  { message: "What are the other cafes on our street doing that we aren't?", type: 'compare-competitors' },
  { message: 'Which competitor should I worry about most?', type: 'compare-competitors' },
  { message: 'Are our prices higher than the competition?', type: 'compare-competitors' },
  {
    message: 'How do bigger pet food brands make people trust them?',
    type: 'compare-competitors',
    dimension: 'authentic',
  },
  {
    message: 'what sets brands like Oatly apart from everyone else?',
    type: 'compare-competitors',
    dimension: 'distinctive',
  },
  { message: 'Look at Glossier and tell me what we could borrow from them', type: 'compare-competitors' },
  { message: 'Who does this better than us?', type: 'compare-competitors' },
  {
    message: 'Are we too similar to the big coffee chains?',
    type: 'compare-competitors',
    dimension: 'distinctive',
  },
  {
    message: 'What do independent bookshops that thrive do differently from us?',
    type: 'compare-competitors',
    dimension: 'distinctive',
  },
  {
    message: 'which brands in the pet space are best at storytelling?',
    type: 'compare-competitors',
    dimension: 'authentic',
  },
  { message: 'we are up against 4 other dog groomers in town, how do we win?', type: 'compare-competitors' },
  {
    message: 'Compare our brand story with Innocent Drinks',
    type: 'compare-competitors',
    dimension: 'authentic',
  },
  { message: 'what are the biggest brands in handmade soap doing on tiktok', type: 'compare-competitors' },
  { message: 'Rank us against the three other florists in our village', type: 'compare-competitors' },
  {
    message: 'How is our positioning different from Hello Fresh and Gousto?',
    type: 'compare-competitors',
    dimension: 'distinctive',
  },
  { message: 'Do our competitors have better reviews than us?', type: 'compare-competitors' },
  {
    message: "How do the market leaders make customers feel looked after that we don't?",
    type: 'compare-competitors',
    dimension: 'empathetic',
  },
  { message: 'How do we beat Etsy sellers who undercut our prices?', type: 'compare-competitors' },
  { message: 'what brands do this well?', type: 'compare-competitors' },
  { message: "Is Tony's Chocolonely a good model for us?", type: 'compare-competitors' },
  {
    message: 'How does our tone of voice compare to our competitors?',
    type: 'compare-competitors',
    dimension: 'authentic',
  },
  {
    message: 'Show me where we stand compared with the other pubs in the village',
    type: 'compare-competitors',
  },
  { message: 'What are our rivals saying on their websites that we are not?', type: 'compare-competitors' },

  { message: 'What are we doing worse than our competitors?', type: 'compare-competitors' },
  { message: 'Put us side by side with the other two yoga studios nearby', type: 'compare-competitors' },
  {
    message: 'How are brands like Allbirds talking about sustainability?',
    type: 'compare-competitors',
    dimension: 'authentic',
  },
  { message: 'Are there any competitors whose branding I should study?', type: 'compare-competitors' },
  { message: 'Our biggest competitor just rebranded. Should we worry?', type: 'compare-competitors' },
  {
    message: 'what makes us different to the other dog bakeries online',
    type: 'compare-competitors',
    dimension: 'distinctive',
  },

  // -------------------------------------------------------------------------------- feedback
  {
    message: "Is this tagline any good? 'Light that lasts'",
    type: 'feedback',
    copy: { format: 'tagline', count: null },
  },
  {
    message: 'What do you think of our new logo colours? Navy and mustard.',
    type: 'feedback',
    dimension: 'distinctive',
  },
  {
    message: "review my about page: 'We started in 2019 because we couldn't find a candle without paraffin'",
    type: 'feedback',
    copy: { format: 'about', count: null },
  },
  {
    message: 'Can you give me feedback on my value proposition?',
    type: 'feedback',
    copy: { format: 'value-proposition', count: null },
  },
  {
    message: "does this headline work: 'Coffee that doesn't cost the earth'",
    type: 'feedback',
    copy: { format: 'headline', count: null },
  },
  {
    message: 'be honest, is our brand name too similar to other brands?',
    type: 'feedback',
    dimension: 'distinctive',
  },
  { message: 'Rate my instagram bio out of 10', type: 'feedback', copy: { format: 'bio', count: null } },
  {
    message: "Here's our mission: 'to make every home smell like a memory'. Is it too vague?",
    type: 'feedback',
  },
  {
    message: 'check my product description for tone please',
    type: 'feedback',
    copy: { format: 'product-description', count: null },
  },
  {
    message: 'Does our brand story feel genuine or does it sound made up?',
    type: 'feedback',
    dimension: 'authentic',
  },
  {
    message: "thoughts on this email subject: 'Last chance!!! 50% off everything'",
    type: 'feedback',
    copy: { format: 'email-subject', count: null },
  },
  { message: 'Is our packaging memorable enough?', type: 'feedback', dimension: 'distinctive' },
  {
    message: 'I rewrote the homepage last night. Could you tell me honestly if it sounds like us?',
    type: 'feedback',
    dimension: 'authentic',
  },

  { message: 'We just redesigned our logo. Honest opinion?', type: 'feedback', dimension: 'distinctive' },
  {
    message: "Is 'Handmade with love in Devon' a strong tagline?",
    type: 'feedback',
    copy: { format: 'tagline', count: null },
  },
  {
    message: 'how does this sound for our bio: "Slow fashion for fast lives"',
    type: 'feedback',
    copy: { format: 'bio', count: null },
  },
  { message: 'Can you look over our homepage copy and tell me what to change?', type: 'feedback' },
  {
    message: 'Are our brand values too generic? Quality, integrity, passion.',
    type: 'feedback',
    dimension: 'authentic',
  },
  { message: 'Does our packaging look too similar to Lush?', type: 'feedback', dimension: 'distinctive' },
  {
    message: 'Here is our new about page, what would you change? "We are Jo and Sam..."',
    type: 'feedback',
    copy: { format: 'about', count: null },
  },
  { message: 'Is our Instagram grid consistent enough?', type: 'feedback', dimension: 'distinctive' },
  {
    message: 'I wrote this tagline myself: "Bread worth waking up for". Good or cringe?',
    type: 'feedback',
    copy: { format: 'tagline', count: null },
  },
  { message: 'would love your take on our new packaging design', type: 'feedback', dimension: 'distinctive' },
  { message: 'Grade our homepage out of 10 please', type: 'feedback' },
  { message: 'Does "eco-conscious luxury" sound fake to you?', type: 'feedback', dimension: 'authentic' },
  { message: 'Be brutal - is our logo forgettable?', type: 'feedback', dimension: 'distinctive' },
  {
    message: "Our tagline is 'Clean skin, clear conscience'. Does it land?",
    type: 'feedback',
    copy: { format: 'tagline', count: null },
  },
  {
    message: 'I put our values on the canvas, are they specific enough?',
    type: 'feedback',
    dimension: 'authentic',
  },
  {
    message: 'Can you sense-check our new pricing page wording?',
    type: 'feedback',
    copy: { format: 'copy', count: null },
  },
  { message: 'what do you make of our new shop front colours', type: 'feedback', dimension: 'distinctive' },
  { message: 'Critique our welcome email please', type: 'feedback', copy: { format: 'email', count: null } },
  {
    message: 'Thoughts on our new brand colours? Forest green and cream.',
    type: 'feedback',
    dimension: 'distinctive',
  },
  {
    message: 'I just updated my bio - is it better now?',
    type: 'feedback',
    copy: { format: 'bio', count: null },
  },
  { message: 'Please mark my canvas answers and tell me where they are weak', type: 'feedback' },
  {
    message: 'Honest question: does our origin story sound believable?',
    type: 'feedback',
    dimension: 'authentic',
  },
  {
    message: "Here's the email I'm about to send to our list. Anything I should change?",
    type: 'feedback',
    copy: { format: 'email', count: null },
  },
  { message: 'Is our website too cluttered?', type: 'feedback' },

  {
    message: 'Does our new tagline "Made slow, made right" make sense?',
    type: 'feedback',
    copy: { format: 'tagline', count: null },
  },
  {
    message: 'Please tear apart our homepage headline: Everything your skin needs',
    type: 'feedback',
    copy: { format: 'headline', count: null },
  },
  { message: 'Is our logo recognisable from a distance?', type: 'feedback', dimension: 'distinctive' },
  { message: 'Did I fill in the empathy map properly?', type: 'feedback', dimension: 'empathetic' },
  {
    message: 'We changed our voice to be more casual. Is it working?',
    type: 'feedback',
    dimension: 'authentic',
  },
  {
    message: 'What do you think of the name Sprout & Stem for a plant shop?',
    type: 'feedback',
    dimension: 'distinctive',
  },

  // ------------------------------------------------------------------------------- off-topic
  { message: "What's the weather like in Manchester tomorrow?", type: 'off-topic' },
  { message: 'can you help me fix a bug in my python script', type: 'off-topic' },
  { message: 'give me a recipe for banana bread', type: 'off-topic' },
  { message: "Help me with my daughter's maths homework", type: 'off-topic' },
  { message: 'who won the football last night', type: 'off-topic' },
  { message: 'Write a poem about my cat', type: 'off-topic' },
  { message: 'how do I do a vlookup in excel', type: 'off-topic' },
  { message: "What's the capital of Australia?", type: 'off-topic' },
  { message: 'tell me a joke', type: 'off-topic' },
  { message: 'Can you recommend a good film for tonight?', type: 'off-topic' },
  { message: 'how much should I pay myself as a sole trader for tax purposes?', type: 'off-topic' },
  { message: "what's the best way to lose weight before my holiday", type: 'off-topic' },
  { message: "Translate 'thank you' into Japanese", type: 'off-topic' },
  { message: 'my wifi keeps dropping, any ideas?', type: 'off-topic' },
  { message: 'Write me a cover letter for a job at Tesco', type: 'off-topic' },
  { message: 'How do I change a tyre?', type: 'off-topic' },
  { message: 'is bitcoin a good investment right now', type: 'off-topic' },
  { message: 'What time is it in New York?', type: 'off-topic' },
  { message: 'can you write a birthday message for my mum', type: 'off-topic' },
  { message: 'How do I install WordPress on my laptop?', type: 'off-topic' },
  { message: 'recommend me a good book to read on holiday', type: 'off-topic' },
  { message: 'What should I cook for dinner tonight?', type: 'off-topic' },
  { message: 'who is the prime minister of Canada', type: 'off-topic' },
  { message: "What's 15% of 240?", type: 'off-topic' },
  { message: 'write a story for my son about a dragon', type: 'off-topic' },
  { message: 'Can you help me plan my wedding?', type: 'off-topic' },
  { message: 'is it going to rain this weekend', type: 'off-topic' },
  { message: 'how do I reset my iphone', type: 'off-topic' },
  { message: 'Which is better, a Mac or a PC?', type: 'off-topic' },
  { message: 'How many calories are in a croissant?', type: 'off-topic' },
  { message: "what's a good name for my new puppy", type: 'off-topic' },
  { message: 'Solve 3x + 5 = 20', type: 'off-topic' },
  { message: 'any good podcasts about true crime?', type: 'off-topic' },
  { message: 'Who invented the telephone?', type: 'off-topic' },
  { message: 'how do i unblock a sink', type: 'off-topic' },
  { message: 'What is the population of France?', type: 'off-topic' },
  { message: 'hey can you write my english essay on macbeth', type: 'off-topic' },
  { message: 'how long do I boil an egg for', type: 'off-topic' },
  { message: 'Should I buy a house or keep renting?', type: 'off-topic' },
  { message: "What's the best running shoe for flat feet?", type: 'off-topic' },
  { message: 'give me a workout plan for beginners', type: 'off-topic' },
  { message: 'can you recommend a good accountant in Leeds', type: 'off-topic' },
  { message: 'how tall is the eiffel tower', type: 'off-topic' },
  { message: 'Write a limerick about a grumpy goose', type: 'off-topic' },
  { message: 'What is the best way to learn Spanish?', type: 'off-topic' },
  { message: 'my back hurts from sitting all day, any advice?', type: 'off-topic' },
  { message: "what's on TV tonight", type: 'off-topic' },
];

/**
 * Messages for language detection: other languages by their function words or script, and English
 * messages that carry foreign brand names (which must stay English).
 */
export const LANGUAGE_SET: readonly { message: string; language: LanguageCode }[] = [
  { message: 'Pouvez-vous écrire trois slogans pour ma boutique de bougies ?', language: 'fr' },
  { message: 'Pourquoi les clients ne reviennent pas après leur première commande ?', language: 'fr' },
  { message: '¿Por qué mis clientes no vuelven a comprar?', language: 'es' },
  { message: 'Necesito un eslogan para mi tienda de café, algo con personalidad', language: 'es' },
  { message: 'Was soll ich als nächstes für meine Marke tun?', language: 'de' },
  { message: 'Kannst du mir bitte einen Slogan für unseren Hofladen schreiben?', language: 'de' },
  { message: 'Como posso fazer os clientes lembrarem da minha marca?', language: 'pt' },
  { message: 'Não sei por onde começar com a minha loja online', language: 'pt' },
  { message: 'Perché i clienti non si ricordano del nostro marchio?', language: 'it' },
  { message: 'Puoi scrivere tre slogan per la mia pasticceria?', language: 'it' },
  { message: 'Hoe kan ik mijn merk beter laten opvallen?', language: 'nl' },
  { message: 'Waarom komen onze klanten niet terug na de eerste bestelling?', language: 'nl' },
  { message: 'なぜお客様は私たちのブランドを忘れてしまうのでしょうか？', language: 'other' },
  { message: 'Как сделать мой бренд более узнаваемым?', language: 'other' },
  { message: 'Write a tagline for Casa del Sol, our tapas bar in Leeds', language: 'en' },
  { message: 'How should I describe Le Petit Jardin on Instagram?', language: 'en' },
  { message: 'Is "Die Kleine Bäckerei" a good name for a bakery in Bath?', language: 'en' },
  { message: 'ok', language: 'en' },
  { message: 'merci', language: 'fr' },
];
