/**
 * The labelled review set the review engine is measured on (ADR 0039): original product reviews
 * written for this project across four categories, balanced between positive, negative and mixed,
 * with sarcasm, negation, contrast, price and weak-effect complaints on purpose. Some carry a star
 * rating and a date; most name the themes a careful reader would file them under.
 *
 * Labelling rules: positive = the reviewer is satisfied overall and any criticism is minor or
 * dismissed ("pricey, but worth every penny"); negative = dissatisfied overall, any praise conceded
 * in passing; mixed = real pros and real cons with no clear verdict, or an explicitly middling one
 * ("it's fine, nothing special"). The text alone decides: a rating that disagrees with the words is
 * kept, as real shops have them.
 *
 * `dev` reviews were written first and the engine's rules were tuned on them; `holdout` reviews were
 * written after the rules were frozen and measured once, so their score shows how the rules carry
 * over to text they were not fitted to.
 *
 * Each line: label (+ positive, - negative, ~ mixed), rating or -, date or -, themes (comma
 * separated) or -, then `|` and the review exactly as a customer would type it.
 */
import { THEME_IDS, type ThemeId } from './themes.ts';

export const REVIEW_LABELS = ['positive', 'negative', 'mixed'] as const;
export type ReviewLabel = (typeof REVIEW_LABELS)[number];

export const REVIEW_CATEGORIES = ['home-fragrance', 'pet-food', 'software', 'apparel'] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

export interface LabelledReview {
  id: string;
  category: ReviewCategory;
  batch: 'dev' | 'holdout';
  label: ReviewLabel;
  text: string;
  rating?: number;
  date?: string;
  /** The themes the review talks about; absent when it names none. */
  themes?: ThemeId[];
}

const LABEL_SYMBOLS: Record<string, ReviewLabel> = { '+': 'positive', '-': 'negative', '~': 'mixed' };
const LINE = /^([+~-]) ([1-5]|-) (\d{4}-\d{2}-\d{2}|-) ([a-z,-]+) \| (.+)$/;

/** Reads one block of lines; a malformed line or an unknown theme fails loudly at import. */
function block(category: ReviewCategory, batch: LabelledReview['batch'], lines: string): LabelledReview[] {
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const match = LINE.exec(line);
      if (!match) throw new Error(`review-set ${category}/${batch} line ${index + 1} is malformed: ${line}`);
      const [, symbol, rating, date, themes, text] = match as unknown as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const review: LabelledReview = {
        id: `${category}-${batch}-${index + 1}`,
        category,
        batch,
        label: LABEL_SYMBOLS[symbol] as ReviewLabel,
        text,
      };
      if (rating !== '-') review.rating = Number(rating);
      if (date !== '-') review.date = date;
      if (themes !== '-') {
        review.themes = themes.split(',').map((theme) => {
          if (!(THEME_IDS as readonly string[]).includes(theme))
            throw new Error(`review-set ${review.id} names an unknown theme: ${theme}`);
          return theme as ThemeId;
        });
      }
      return review;
    });
}

const HOME_FRAGRANCE_DEV = `
+ 5 2024-09-14 scent,burn,health | Finally a candle that doesn't give me a headache. The fig and cedar is soft but it fills the living room, and it burns clean with no black soot on the jar.
+ 5 2024-10-02 scent | I have bought this lavender one four times now. It smells like an actual garden, not a chemical version of one.
+ 4 - burn | Burned it for about 50 hours and it still has a good inch left. The wick never tunnelled once.
+ 5 2024-10-21 packaging,appearance | Arrived wrapped like a present, tissue paper and a handwritten note. The amber jar looks beautiful on my shelf.
+ 5 - health | Not a single headache, and I'm someone who gets migraines from most scented stuff. Highly recommend for sensitive noses.
+ 4 2024-11-11 price,scent | A bit pricey, but worth every penny. The throw is incredible for a candle this size.
+ 5 - scent | The sea salt diffuser makes my hallway smell fresh for weeks. Guests always ask what it is.
+ 5 2024-12-03 delivery,packaging | Ordered on Monday, here by Wednesday, and every candle was packed in recycled paper. No complaints at all.
+ 4 - scent,burn | Not bad at all! I expected it to be weak but the smell reaches the kitchen, and the burn is even.
+ 5 2024-12-19 appearance | Gorgeous ceramic vessel. Once the candle is done I'm keeping it as a plant pot.
+ 5 - customer-service,packaging | One candle arrived with a chipped lid and the team sent a new one the same day without any fuss. Brilliant service.
+ 5 2025-01-08 scent | Smells exactly like my grandmother's kitchen at Christmas. I lit it and actually teared up.
+ 4 - burn | Clean burn, no flickering, and the wooden wick crackles like a tiny fireplace. Lovely evenings with this.
+ 5 2025-01-22 health | My asthma usually flares with air fresheners, but these wax melts are gentle. Finally something I can use.
+ 5 - price | Cheaper than the big brands and honestly better. I'll be stocking up.
+ 4 2025-02-14 scent | Subtle in a good way. It's there when you walk in, never overpowering.
+ 5 - scent,burn | I can't stop lighting this one. The vanilla isn't sickly at all and it lasts forever.
+ 5 2025-03-05 - | Bought it as a gift for my sister and she loved it so much she ordered three more.
+ 5 - scent,appearance | The room spray is my new favourite thing. Two sprays and the bathroom smells like a spa, and the bottle is pretty enough to leave out.
+ 4 2025-03-27 burn | No tunnelling, no soot, no drama. Exactly what a candle should be.
- 2 2024-09-30 price,packaging | For $34 I expected better packing. The jar came rattling around a box twice its size and the lid was cracked.
- 1 - price | I can get two big ones at Target for what this small one costs. Not buying again.
- 1 2024-10-15 scent | I can barely smell it, even with the door shut in a tiny bathroom.
- 1 - burn | Tunnelled straight down the middle after the first burn, even though I let it melt to the edge. Half the wax is wasted.
- 2 2024-11-02 scent,health | The "natural" scent gave me a headache within twenty minutes. Smells like a cleaning aisle.
- 1 - delivery | Three weeks to arrive and no tracking updates. By the time it came I'd already bought a gift elsewhere.
- 1 2024-11-20 customer-service | Emailed twice about a broken diffuser bottle and never heard back. Terrible customer service.
- 2 - scent | Oh great, another "fresh linen" candle that smells like absolutely nothing. Just what I needed.
- 1 2024-12-01 burn | The wick drowned in its own wax after two hours and I couldn't relight it.
- 2 - price,scent | Way overpriced for a candle with no throw. You're paying for the label.
- 1 2024-12-12 burn | Black soot all over the inside of the glass and on my white shelf. Never again.
- 2 - scent | The reed diffuser stopped smelling after four days. Flipping the reeds did nothing.
- 1 2025-01-05 packaging | Wax melts arrived as one melted lump stuck to the packaging. Completely unusable.
- 2 - size | Much smaller than the photos suggest, it's basically a tea light in a fancy jar.
- 1 2025-01-29 scent | Wow, a candle that smells like burnt plastic. Truly a unique experience.
- 2 - price,size | $28 for 6 oz of wax? I'll pass next time.
- 1 2025-02-11 customer-service | They sent the wrong scent and then asked me to pay for the return postage. Not impressed.
- 2 - scent | Hardly any fragrance once lit. Cold it smells nice, but that's it.
- 1 2025-03-02 quality | The jar cracked from the heat halfway through. That's genuinely dangerous.
- 2 - scent | Smells like cheap air freshener, not like the luxury candle it claims to be.
~ 3 2024-09-20 scent,burn | The scent is lovely but it burned out in under 15 hours.
~ 3 - scent,packaging | Beautiful smell, but the jar arrived chipped. Still usable, just not giftable.
~ 3 2024-10-10 scent,price,size | Nice fragrance, though honestly too expensive for how small it is.
~ 3 - scent | Strong throw in a small room, almost nothing in the open-plan kitchen. Depends where you put it.
~ 3 2024-11-05 burn,appearance,scent | Pretty jar and an even burn, but the fragrance fades after the top inch.
~ 3 - delivery,scent | Shipping took nearly three weeks, which was annoying. The candle itself smells amazing though.
~ 3 2024-12-08 scent,health | I love the smell, but after an hour it gives me a mild headache, so I only light it for a bit.
~ 3 - price,quality | Good candle, not great. For the price I expected a cotton wick rather than this paper one.
~ 3 2025-01-12 scent | It's fine. Smells pleasant enough, nothing special.
~ 3 - packaging,scent | Packaging is gorgeous and plastic-free. The scent, on the other hand, is more soap than sandalwood.
~ 3 2025-01-30 customer-service,delivery | Took ages to arrive, but customer service were kind and refunded the postage.
~ 2 - scent,burn | Lovely cold throw, weak hot throw. Burns evenly at least.
~ 3 2025-02-20 scent | Half of the set smells gorgeous, the other half I'd never light again.
~ 3 - scent,size,price | Great scent for the bathroom, but at this size it should cost half as much.
~ 3 2025-03-10 scent,burn | Smells incredible. The wick, however, smokes constantly and needs trimming every single time.
~ 3 - appearance,quality | The label looks stylish but peeled off after a week on the windowsill. Candle's fine.
~ 3 2025-04-01 scent,delivery | Arrived quickly. The rose is a bit too sweet for me, my partner loves it though.
~ 3 - burn,scent | Burn time is great, I got over 60 hours. Shame the scent disappears after day two.
~ 3 2025-04-18 price,scent | Decent candle. Not sure it's worth $40, but it does smell nice.
~ 3 - scent | Some days I love it, some days it's too much. Mixed feelings.
`;

const PET_FOOD_DEV = `
+ 5 2024-08-12 taste | My picky cat actually finishes her bowl now. First food she hasn't turned her nose up at.
+ 5 - health | Since switching, his coat is shiny and the itching has stopped. Our vet noticed the difference too.
+ 5 2024-09-03 health | No more upset stomach! Our rescue dog has a sensitive gut and this is the only kibble that agrees with him.
+ 4 - price,size | Not cheap, but it lasts longer than the supermarket stuff because he needs smaller portions.
+ 5 2024-09-25 delivery | The subscription arrives before we run out every single month. One less thing to think about.
+ 5 - taste | She does a little happy dance when she hears the bag. Enough said.
+ 5 2024-10-19 health | Ingredients I can actually pronounce, and her energy on walks is through the roof.
+ 4 - size | The small-bite kibble is perfect for our Yorkie, who struggled with bigger pieces.
+ 5 2024-11-07 taste,scent | Two senior cats, both fussy, both eating it happily. Their litter box smells less too, which I did not expect.
+ 5 - customer-service | Had a question about moving puppies onto it and got a detailed, friendly reply from a real person within the hour.
+ 5 2024-12-02 health | Our vet recommended it for weight loss and he's down two kilos without being hungry all the time.
+ 4 - packaging | The resealable bag actually reseals, which keeps the food fresh to the last scoop.
+ 5 2025-01-04 taste | I've never seen my dog this excited about dinner. Wouldn't switch for anything.
+ 5 - health | No more tear stains on our white poodle after a month. Couldn't be happier.
+ 5 2025-01-26 price,delivery | Good price on the big bag and free delivery. Can't fault it.
+ 4 - price,taste | Not the cheapest, not the fanciest, but the dog loves it and that's what matters.
+ 5 2025-02-18 health | Her allergies have calmed right down. I was sceptical but it really works.
+ 5 - scent,taste | The wet food doesn't stink out the kitchen like the old brand, and the cat licks the bowl clean.
+ 4 2025-03-15 packaging | Love that the pouches are recyclable. The cat doesn't care, but I do.
+ 5 - health | Healthy, happy and full of beans. Our border collie thrives on this.
- 1 2024-08-30 health | Gave both dogs diarrhoea for a week. We switched back and they were fine within two days.
- 1 - taste | My cat sniffed it, looked at me with pure contempt and walked away. Every single time.
- 2 2024-09-18 price | Price went up 30% in six months with no change to the recipe. Cancelling the subscription.
- 1 - packaging,delivery | Bag arrived split open, kibble all over the box. Half of it went in the bin.
- 2 2024-10-09 taste,price | He ate it for three days and then went on hunger strike. Expensive experiment.
- 1 - health | Made my cat vomit twice. Not worth the risk.
- 1 2024-10-30 customer-service | Tried to cancel the subscription and was passed between three agents. Still got charged.
- 2 - scent | The smell when you open a tin is unbearable. I gag every morning.
- 1 2024-11-22 quality,customer-service | Found a piece of plastic in the bag. Complained and heard nothing.
- 2 - price | You can get the same protein content for half the price at the pet store down the road.
- 1 2024-12-15 delivery | Delivery came a week late and we had to buy emergency food from the corner shop.
- 2 - size | The kibble is way too big for a small cat, she just bats it around the floor.
- 1 2025-01-10 health | Oh brilliant, a "sensitive" formula that gave my dog the worst gas of his life.
- 2 - taste | Our dog, who eats socks, won't touch this. That tells you everything.
- 1 2025-02-03 quality | The new batch looks and smells completely different from the last one. Consistency is nonexistent.
- 2 - price,size | $65 for a bag that lasted barely two weeks. That's a joke.
- 1 2025-02-25 customer-service | The chat bot keeps sending me FAQ links instead of answering. I just want a human.
- 2 - health | Didn't help with his itching at all, despite what the marketing says.
- 1 2025-03-20 delivery,packaging | The courier left it in the rain and the bag was soaked through. Mouldy by Friday.
- 2 - taste | She'll eat it if there's truly nothing else, which isn't exactly a glowing endorsement.
~ 3 2024-08-20 taste,price | The dogs love it, but it's too expensive to keep buying.
~ 3 - health,taste | Great for his digestion, but he eats it reluctantly.
~ 3 2024-09-10 delivery,taste | The cat likes it well enough. Delivery is a lottery though, sometimes two days, sometimes ten.
~ 3 - health | His coat looks better, but his stools are softer than I'd like.
~ 3 2024-10-22 packaging,taste | Cats love the flavour, but the pouches are a nightmare to open without spraying gravy everywhere.
~ 3 - price,quality | Decent food at a fair price. The bag handle ripped the first time I carried it, though.
~ 3 2024-11-14 taste | One of my cats adores it, the other won't go near it.
~ 3 - customer-service | Order was wrong, but support fixed it quickly and sent a free treat bag.
~ 3 2024-12-20 health | Helped with weight, didn't help with the shedding.
~ 3 - size,taste | He likes the taste, but the pieces are too small and he swallows them without chewing.
~ 3 2025-01-15 - | It's okay. Nothing wrong with it, nothing special either.
~ 3 - price,health | Quality ingredients, no doubt. Whether they're worth double the price of our old food, I'm not sure.
~ 3 2025-02-08 scent,taste | The dog wolfs it down, but his breath is rank afterwards.
~ 3 - delivery,packaging | Fast delivery, awful packaging. Two tins were dented.
~ 3 2025-03-01 health,taste | Good for her kidneys according to the vet, but she only eats it mixed with chicken.
~ 3 - customer-service,price | Nice people on the phone. Still, the subscription discount is smaller than advertised.
~ 3 2025-03-28 taste,health | First bag was a hit. Second bag, same recipe, and she's been sick twice. Not sure what changed.
~ 3 - quality | Some tins are lovely chunks, some are mostly jelly.
~ 3 2025-04-12 price,taste,health | Cheaper than the vet brand and the cat eats it, but I'm not convinced it's as good for her.
~ 2 - health,taste | She loves it, but it's given her a bit of a tummy ache, so we're cutting back.
`;

const SOFTWARE_DEV = `
+ 5 2024-07-08 ease-of-use | Set up our whole team in an afternoon. The interface is clean and nobody needed training.
+ 5 - features | The calendar sync finally works with Outlook and Google at the same time. This alone saved my week.
+ 5 2024-07-29 customer-service | Support answered my ticket in twenty minutes on a Sunday. Genuinely impressed.
+ 4 - price | Cheaper than the tool we left, and it does more. Easy decision.
+ 5 2024-08-19 reliability | Two years in and I can't remember a single outage. It just works.
+ 5 - ease-of-use,features | Invoicing used to take me a full day. Now it's twenty minutes and the reports are better.
+ 4 2024-09-09 ease-of-use,appearance | Not the prettiest app, but it never gets in my way. No complaints.
+ 5 - features | The export to CSV actually keeps my formatting. Small thing, huge relief.
+ 5 2024-10-01 reliability | Fast, even with 40,000 contacts loaded. The old CRM choked at 5,000.
+ 5 - customer-service | The onboarding call was useful rather than a sales pitch. Our account manager knows the product inside out.
+ 4 2024-10-24 price | The free tier is generous enough that we only upgraded after a year, and happily.
+ 5 - ease-of-use | My 70-year-old dad uses it to run his allotment club. That tells you how intuitive it is.
+ 5 2024-11-18 features,reliability | Offline mode saved me on a train with no signal. Everything synced the moment I got back online.
+ 5 - - | Best purchase our studio made this year. Would recommend to any small agency.
+ 4 2024-12-09 features | The automation rules took a bit of learning, but now they do half my admin for me.
+ 5 - ease-of-use | Didn't need the tutorial at all. Everything is where you'd expect it to be.
+ 5 2025-01-13 reliability | Never lost a file, never had a sync conflict. I trust it with client work.
+ 5 - customer-service,features | I requested a feature in March and it shipped in May. They actually listen.
+ 4 2025-02-04 price | Fair pricing, no surprise charges, and cancelling is one click. Refreshing.
+ 5 - ease-of-use | Moving over from spreadsheets was painless. Should have switched years ago.
- 1 2024-07-15 reliability | Crashes every time I open a file over 10 MB. Lost an hour of work twice this week.
- 1 - price | They doubled the price overnight and grandfathered nobody. We're moving to a competitor.
- 2 2024-08-05 ease-of-use | The settings are buried four menus deep. I spend more time hunting for buttons than working.
- 1 - customer-service | Support closed my ticket as "resolved" without replying. Twice.
- 2 2024-08-26 reliability | Oh wonderful, it logged me out mid-invoice again. Love that for me.
- 1 - features | No way to export your own data. Once you're in, you're stuck.
- 2 2024-09-16 reliability | Painfully slow. Every page takes five seconds to load on a fast connection.
- 1 - price | $49 a month per seat for what is basically a to-do list. You can get the same thing free elsewhere.
- 2 2024-10-07 features | The mobile app is missing half the features of the desktop version, which they don't tell you until you've paid.
- 1 - reliability | Lost a week of timesheets after an update. No backup, no apology.
- 2 2024-10-29 ease-of-use | Not intuitive at all. Even simple tasks need a support article.
- 1 - customer-service,price | Billed me for a year after I cancelled. Getting a refund took six weeks of emails.
- 2 2024-11-26 reliability | The calendar sync duplicates every event. My week looks like a mess.
- 1 - - | Great, another subscription that promises everything and delivers a login screen.
- 2 2024-12-16 features | Reports can't be customised. What's the point of having the data if you can't slice it?
- 1 - reliability | Down for a whole day during our launch and the status page said everything was fine.
- 2 2025-01-20 ease-of-use,appearance | The new redesign hides everything behind icons with no labels. I hate it.
- 2 - price,features | Overpriced for a small team. The features we need are only on the enterprise plan.
- 1 2025-02-12 reliability | Notifications arrive hours late, if at all. Useless for a support desk.
- 2 - features | Doesn't integrate with anything we use. Everything has to be copied across by hand.
~ 3 2024-07-22 features,reliability | Powerful features, but it crashes more often than I'd like.
~ 3 - ease-of-use,price | Easy to use, but the price is steep for a two-person business.
~ 3 2024-08-12 customer-service,reliability | Support is lovely. The bugs they keep apologising for are not.
~ 3 - features,ease-of-use | Does everything we need once you learn it. Learning it took our team a month.
~ 3 2024-09-02 reliability | Fast on desktop, sluggish on the phone.
~ 3 - features | Reporting is excellent, the task board is clunky.
~ 3 2024-09-30 features,price | The automations are great. The basic plan, though, feels deliberately crippled to push you to upgrade.
~ 3 - ease-of-use,customer-service | Setup was confusing, but the support team walked me through it patiently.
~ 3 2024-10-21 - | It does the job. Nothing more, nothing less.
~ 3 - reliability,features | Sync is reliable now, but they removed the dark mode I relied on.
~ 3 2024-11-11 price,appearance | Cheap and cheerful. Don't expect polish.
~ 3 - features | Great for invoices, useless for inventory.
~ 3 2024-12-02 customer-service | The first support agent was brilliant, the second one clearly hadn't read my ticket.
~ 3 - appearance,reliability | Lovely design, but it freezes whenever I attach a photo.
~ 3 2025-01-06 price | Good value on the annual plan, poor value monthly.
~ 3 - features,reliability | The API is well documented. The webhooks fail silently about once a week.
~ 3 2025-01-27 ease-of-use | Simple for basic stuff, confusing as soon as you need anything custom.
~ 3 - reliability | Works perfectly on Chrome, half broken on Safari.
~ 3 2025-02-17 customer-service,features | They listen to feedback, but features take forever to arrive.
~ 3 - price,features | Solid app for the money. The search, though, is bad enough that I keep a spreadsheet on the side.
`;

const APPAREL_DEV = `
+ 5 2024-06-10 comfort,quality | Softest t-shirt I own, and it still looks new after twenty washes.
+ 5 - size | Fits exactly as the size chart says. Finally a brand that doesn't run tiny.
+ 5 2024-06-30 comfort | These leggings don't roll down during squats. I've tried a dozen pairs and these are the ones.
+ 4 - price,quality | Not cheap, but the stitching and fabric are miles ahead of fast fashion. I'd rather buy once.
+ 5 2024-07-21 appearance | The green is even richer in person. I get compliments every time I wear it.
+ 5 - comfort | Linen that isn't scratchy! Wore it all day at a wedding in 30 degrees and stayed cool.
+ 5 2024-08-11 delivery,packaging | Arrived next day in a paper mailer, no plastic anywhere. Great first impression.
+ 5 - quality | My husband has worn these boots every day for two winters and they're still waterproof.
+ 4 2024-09-01 size | Ordered my usual medium and it fits like it was made for me.
+ 5 - customer-service,size | Exchanging the size was free and took four days. Easiest return I've ever done.
+ 5 2024-09-22 comfort,appearance | Smart enough for the office, comfy enough for the sofa. I bought it in three colours.
+ 5 - quality | Never had a seam come loose on any of their shirts, and I own about ten.
+ 4 2024-10-13 comfort | Warm without being bulky. My winter coat has met its replacement.
+ 5 - price,quality | Great quality for the price, genuinely cheaper than the high street and better made.
+ 5 2024-11-03 appearance,quality | Colour hasn't faded at all, even on a hot wash by accident.
+ 5 - comfort | No itch, no static, no complaints. Wool socks done right.
+ 4 2024-11-24 size | The long length is actually long. As a tall woman, this never happens.
+ 5 - - | Wore it to my interview and got the job. Lucky shirt forever.
+ 5 2024-12-15 comfort,quality | The hoodie is heavy, soft inside and the cuffs haven't stretched. Worth it.
+ 5 - appearance | Looks exactly like the photos, which is rarer than it should be.
- 1 2024-06-18 quality | The seam on the shoulder split the first time I wore it.
- 2 - size | Runs at least two sizes small. I'm normally an M and the L was tight.
- 1 2024-07-09 comfort | So itchy I had to take it off before lunch. Going straight back.
- 2 - quality,appearance | Faded to a sad grey after three washes. Followed the care label exactly.
- 1 2024-07-30 price,quality | $90 for a shirt that pilled within a week. Absolute rip-off.
- 2 - appearance | Looks nothing like the photos. The "navy" is closer to purple.
- 1 2024-08-20 delivery | Still waiting after 18 days. The tracking hasn't moved since it left the warehouse.
- 1 - customer-service | Returns are a nightmare. I paid for postage and they still haven't refunded me a month later.
- 2 2024-09-10 quality,size | Shrunk a full size on a cold wash. Now it's a crop top, which I did not order.
- 2 - comfort | The waistband digs in no matter which size I try. Not comfortable at all.
- 1 2024-10-06 quality,price | Zip broke on the second day. For a jacket this expensive, that's unacceptable.
- 2 - price | You can get the exact same basic tee at Uniqlo for a third of the price.
- 1 2024-10-27 quality,appearance | Thin, see-through white fabric. Definitely not as described.
- 2 - size | The sleeves are ridiculously long and the body is boxy. Fits nobody I know.
- 1 2024-11-17 quality,price | Well, that was a waste of money. The sole came away from the boot within a month.
- 2 - comfort,appearance | Looks great on the hanger, feels like sandpaper on the skin.
- 1 2024-12-08 delivery,customer-service | Sent the wrong colour, then the replacement went to the wrong address. Gave up.
- 2 - quality,price | Buttons started falling off after two wears. I expected better for the price.
- 1 2025-01-05 size | Nothing fits the way the chart says. Three returns and I still don't have trousers.
- 2 - quality,appearance | Oh fabulous, the print started peeling after one wash. Exactly the look I was going for.
~ 3 2024-06-25 comfort,size | Really comfortable, but it runs a size large.
~ 3 - appearance,quality | Gorgeous colour, flimsy fabric.
~ 3 2024-07-16 price,quality | Cheap and it looks it, but for a festival that's fine.
~ 3 - comfort,quality | Soft, warm, and pilling after two weeks.
~ 3 2024-08-06 delivery,appearance | Took three weeks to arrive. Lovely dress though.
~ 3 - size | The top half fits perfectly, the trousers are too short.
~ 3 2024-08-27 comfort | Comfortable for walking, terrible for running.
~ 3 - price,quality | A good jacket, not a great one, and the price suggests great.
~ 3 2024-09-17 appearance,comfort | Looks smart, but the collar rubs my neck raw by the afternoon.
~ 3 - customer-service,size | Had to return it for a bigger size, which was free, but the refund took ages.
~ 3 2024-10-20 quality | The jeans are sturdy but the dye bleeds onto everything.
~ 3 - - | It's alright. I wear it, but I don't love it.
~ 3 2024-11-10 appearance,comfort | I love how it looks, I hate how it feels.
~ 3 - comfort,quality | The fleece is cosy, the zip is cheap.
~ 3 2024-12-01 size,appearance | Flattering cut, but the sizes are all over the place between colours.
~ 3 - comfort,price | Comfiest socks ever, and at £18 a pair they'd better be.
~ 3 2024-12-22 delivery,quality | Quick delivery, but one of the two shirts had a hole in the hem.
~ 3 - appearance | The pattern is fun in photos and a bit loud in real life.
~ 3 2025-01-12 comfort,quality | Breathable and light, but it creases if you look at it.
~ 3 - price,size | Decent value, strange fit. Try before you commit.
`;

const HOME_FRAGRANCE_HOLDOUT = `
+ 5 2025-04-22 scent | The bergamot one makes my whole flat feel like a boutique hotel. Obsessed.
+ 4 2025-05-03 price,burn | Paid a bit more than I normally would, but sixty-odd hours of burn makes it cheaper per hour than the supermarket ones.
+ 5 - health,scent | I'm pregnant and sensitive to almost every smell right now, and this one doesn't make me nauseous at all.
+ 5 2025-05-19 packaging | Every jar came nested in cardboard dividers, nothing rattled, nothing broke. Clearly people who care.
+ 4 - scent,burn | The eucalyptus is fresh without smelling medicinal, and the flame stays calm even with a window open.
+ 5 2025-06-02 customer-service | I asked which scent suits a small office and got a thoughtful answer with two samples thrown in. Lovely touch.
+ 5 - scent | My partner, who claims to hate candles, asked me to buy another one. High praise.
+ 4 2025-06-15 appearance,price | The matte black tin looks far more expensive than it was. Perfect little gift.
- 1 2025-04-25 scent | Smells lovely in the shop, smells of nothing in my living room. Disappointing.
- 2 - price,size | Twenty-two pounds for a candle the size of a yoghurt pot. No thanks.
- 1 2025-05-08 burn | Half the wick disappeared into the wax on the first night. Impossible to relight.
- 1 - delivery,customer-service | Parcel marked delivered, never turned up, and the company told me to take it up with the courier.
- 2 2025-05-21 scent,health | Far too strong. My eyes were watering within ten minutes and the whole house reeked of synthetic vanilla.
- 1 - packaging | Reed diffuser oil leaked all over the box and ruined the other things in my order.
- 2 2025-06-04 scent | Yeah, "calming lavender". Calming if you enjoy the smell of a hospital corridor.
- 1 - quality,burn | Glass went black and the candle started spitting. I blew it out and binned it.
~ 3 2025-04-29 scent,burn | Gorgeous scent for the first week, then it started tunnelling no matter what I did.
~ 3 - price,scent | It smells great. I just can't justify the price for something I'll burn through in a fortnight.
~ 3 2025-05-12 delivery,packaging | Quick to arrive, but two of the three wax melts were crushed.
~ 3 - scent | The fig is a dream, the sea salt is a nightmare. Try before you buy a full set.
~ 3 2025-05-27 burn,appearance | Burns beautifully. The label is already peeling and it looks tatty on the mantelpiece.
~ 3 - scent,health | Fine for the kitchen. In the bedroom it's far too much and gives me a stuffy head.
~ 3 2025-06-09 customer-service,scent | They replaced the cracked one quickly, although the replacement smells noticeably weaker.
~ 3 - scent,price | Pleasant, unremarkable, overpriced. Does the job if it's on offer.
`;

const PET_FOOD_HOLDOUT = `
+ 5 2025-04-20 health | Our old greyhound has had a dodgy stomach for years and it's finally settled. So grateful.
+ 5 - taste | The cat now sits by the cupboard at five o'clock sharp and yells until it's served.
+ 4 2025-05-02 price | Works out a few pence cheaper per meal than what we used before, and he's just as keen.
+ 5 - health | Vet check-up went brilliantly, teeth cleaner than last year and weight spot on.
+ 5 2025-05-16 delivery,customer-service | Needed to move my delivery date at short notice and it took two clicks. Easiest subscription I've had.
+ 4 - taste,health | Not a single scrap left in the bowl and no tummy trouble since we switched.
+ 5 2025-06-01 packaging | The new paper bags are sturdy and fully recyclable, which makes me feel much better about buying it.
+ 5 - health,taste | Our fussy puppy gained the weight she needed and absolutely loves mealtimes now.
- 1 2025-04-23 health | Within a week both cats had loose stools and were scratching constantly. Back to the old food.
- 2 - taste,price | At that price I'd hoped he'd at least try it. He sniffed it and went back to bed.
- 1 2025-05-06 quality | The kibble was dusty and crumbled to powder at the bottom of the bag.
- 2 - price | Cheaper bags with better ingredients are easy to find. This is all marketing.
- 1 2025-05-20 delivery | Second month in a row the order came late. Had to drive to the vet for emergency food.
- 1 - customer-service | Asked three times for an ingredients breakdown for her allergy and got a coupon code instead.
- 2 2025-06-05 scent | Opening a tin clears the room. My partner has banned it from the kitchen.
- 1 - health | Absolutely wonderful, if you enjoy cleaning up sick at 3am.
~ 3 2025-04-27 taste,price | He eats it without complaint, but at nearly twice the price of his old food I expected him to be keener.
~ 3 - health | Coat is glossier, breath is worse.
~ 3 2025-05-11 packaging,taste | The cats like it. The pouches split when you tear them though, so it's messy every single time.
~ 3 - delivery,customer-service | Delivery was late once, but they credited my account without me even asking.
~ 3 2025-05-25 size,taste | Great flavour according to the dog, but the biscuits are so hard our older boy struggles to chew them.
~ 3 - price,health | Good ingredients, silly price. We alternate it with a cheaper brand.
~ 3 2025-06-08 taste | Loves the chicken, ignores the salmon completely.
~ 3 - quality,health | No issues with digestion. The bag I got last month was full of broken bits though.
`;

const SOFTWARE_HOLDOUT = `
+ 5 2025-04-21 ease-of-use | Onboarded four freelancers in ten minutes each. Nobody asked me a single question.
+ 5 - reliability | Been running our bookings on it for eighteen months without a hiccup.
+ 4 2025-05-05 price,features | Does what the big expensive suites do for a fraction of the price. Not flashy, very dependable.
+ 5 - customer-service | A real engineer replied to my bug report, fixed it and emailed me when it was live. Rare these days.
+ 5 2025-05-18 features | The template library alone saves me hours every month.
+ 4 - ease-of-use,appearance | Clean layout, sensible defaults, and keyboard shortcuts for everything. My kind of tool.
+ 5 2025-06-03 reliability | Syncs instantly between my laptop and phone. I've stopped worrying about losing notes.
+ 5 - - | Honestly the only subscription I never think about cancelling.
- 1 2025-04-24 reliability | Every update breaks something new. This week it was the export, last week the login.
- 2 - ease-of-use | Took me twenty minutes to find where to change my password. Why is it under "Integrations"?
- 1 2025-05-07 customer-service | Live chat promised a callback within 24 hours. That was nine days ago.
- 1 - price | The "starter" plan is useless without add-ons, and the add-ons cost more than the plan.
- 2 2025-05-22 reliability | Constant spinning wheel. I've timed it: forty seconds to open a client record.
- 1 - features,reliability | Stellar, the automation emailed every single client a blank invoice. Thanks for that.
- 2 2025-06-06 features | Half the integrations listed on the website have been "in development" for a year.
- 1 - price,customer-service | Auto-renewed without a reminder and refused a refund the same day. Shameful.
~ 3 2025-04-28 features,price | Brilliant reporting, but charging extra for a second user is cheeky.
~ 3 - reliability,ease-of-use | Quick and stable, but the interface feels about ten years old.
~ 3 2025-05-13 customer-service,reliability | The support team are patient and kind. I just wish I didn't need them twice a week.
~ 3 - features | The calendar is perfect, the task list is an afterthought.
~ 3 2025-05-28 ease-of-use,features | Easy to start with, then you hit a wall as soon as you need permissions or approvals.
~ 3 - price | Fair price for what you get, though the yearly increase is starting to sting.
~ 3 2025-06-10 reliability,features | Love the offline mode. Hate that it occasionally duplicates my edits when it reconnects.
~ 3 - ease-of-use | Good once it's set up. Setting it up is a weekend you won't get back.
`;

const APPAREL_HOLDOUT = `
+ 5 2025-04-19 comfort | Wore these trainers on a 20k walk straight out of the box. Not one blister.
+ 5 - quality | Third winter with this parka and the zip still runs like new.
+ 4 2025-05-04 size,customer-service | Had to swap for a smaller size and the new one arrived before I'd even posted the old one back.
+ 5 - appearance | The rust colour is exactly the shade I've been hunting for. Wearing it to death.
+ 5 2025-05-17 comfort,quality | Merino that doesn't itch and survives the washing machine. I'm converted.
+ 4 - price | Paid full price and still think it was a good deal.
+ 5 2025-06-02 size | Petite range that's actually petite. The hems hit exactly where they should.
+ 5 - comfort | Softer than my pyjamas and smart enough for meetings. Bought two more.
- 1 2025-04-26 quality | Hole in the armpit seam after the second wear. For £60.
- 2 - size | Ordered a 12, received something that fits like an 8. Sizing is pure guesswork.
- 1 2025-05-09 appearance | The "cream" jumper is a dirty beige in daylight. Looks cheap.
- 2 - comfort | The label is stitched right where it scratches your neck, and you can't cut it out without damaging the seam.
- 1 2025-05-23 delivery | Two weeks of "preparing for dispatch" for an item listed as in stock.
- 1 - quality | Brilliant, the sole squeaks on every step. Very discreet in a quiet office.
- 2 2025-06-07 price,quality | Forty quid for a vest that went see-through after three washes. Never again.
- 1 - customer-service | Return label never arrived and nobody answers the phone. I'm out of pocket and out of patience.
~ 3 2025-04-30 comfort,size | Super comfy, but the legs are cut for someone a foot taller than me.
~ 3 - appearance,quality | Beautiful print. The fabric feels thinner than the photos suggest though.
~ 3 2025-05-14 price,quality | Solid basics. Not sure they're worth double the high-street price.
~ 3 - delivery,packaging | Fast shipping, but it came crumpled in a plastic bag with no box at all.
~ 3 2025-05-29 comfort | Warm enough for autumn. Useless once it properly gets cold.
~ 3 - size,appearance | The colour is perfect, the fit is boxy. I'll wear it with a belt.
~ 3 2025-06-11 quality,comfort | Comfy from day one, bobbling by week three.
~ 3 - customer-service,size | The exchange was painless, the second size still wasn't right. Back to square one.
`;

export const REVIEW_SET: readonly LabelledReview[] = [
  ...block('home-fragrance', 'dev', HOME_FRAGRANCE_DEV),
  ...block('pet-food', 'dev', PET_FOOD_DEV),
  ...block('software', 'dev', SOFTWARE_DEV),
  ...block('apparel', 'dev', APPAREL_DEV),
  ...block('home-fragrance', 'holdout', HOME_FRAGRANCE_HOLDOUT),
  ...block('pet-food', 'holdout', PET_FOOD_HOLDOUT),
  ...block('software', 'holdout', SOFTWARE_HOLDOUT),
  ...block('apparel', 'holdout', APPAREL_HOLDOUT),
];
